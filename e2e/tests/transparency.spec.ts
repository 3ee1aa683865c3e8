import { test, expect, signIn } from './fixtures';

// Open data and the charts of the dashboard. Reads only: nothing here changes data.

const TITLES = {
  ar: { portal: 'المعطيات المفتوحة', establishments: 'المؤسسات المرخصة', map: 'الأماكن المرخصة حسب الإقليم' },
  fr: { portal: 'Données ouvertes', establishments: 'Établissements autorisés', map: 'Places autorisées par province' },
};

test('public: open data → a dataset as chart, map and table with small counts withheld → CSV and JSON', async ({ page, request, lang, check }) => {
  const t = TITLES[lang];
  await page.goto(`/lang/${lang}?next=/`);
  await page.getByRole('navigation').getByRole('link', { name: t.portal, exact: true }).click();
  await expect(page).toHaveURL(/\/open-data$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.portal);
  await check(page, 'o01-open-data');

  await page.getByRole('link', { name: t.establishments, exact: true }).click();
  await expect(page).toHaveURL(/\/open-data\/establishments$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.establishments);
  // The chart and the map are drawn in the page, right to left in Arabic.
  const charts = page.locator('main figure.chart svg');
  await expect(charts).toHaveCount(2);
  await expect(charts.first()).toHaveAttribute('direction', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(page.locator('main figure.map svg path[data-code]')).toHaveCount(12);
  // Every figure of the table is a number or a withheld mark; no 1 to 4 shows.
  const cells = (await page.locator('#od-table tbody td').allTextContents()).map((c) => c.trim());
  expect(cells.length).toBeGreaterThan(12);
  for (const c of cells) {
    expect(c).toMatch(/^(\d[\d\u00a0\u202f ,.]*|< 5|s)$/);
    expect(['1', '2', '3', '4']).not.toContain(c);
  }
  await check(page, 'o02-open-data-establishments');

  const csvHref = await page.locator('main a[href$=".csv"]').getAttribute('href');
  expect(csvHref).toBe('/open-data/establishments/latest.csv');
  const csv = await request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\n');
  expect(lines[0]).toBe('dataset,period,row_code,row_name_ar,row_name_fr,column_code,column_name_ar,column_name_fr,value');
  for (const line of lines.slice(1)) expect(line).not.toMatch(/,[1-4]$/);
  const json = await request.get('/open-data/establishments/latest.json');
  const doc = await json.json();
  expect(doc.suppression.threshold).toBe(5);
  expect(doc.records.length).toBe(lines.length - 1);
});

test('officer: the dashboard draws the territory in charts and a province map, each with its table @desktop', async ({ page, lang, check }) => {
  const t = TITLES[lang];
  await signIn(page, lang, 'officer.rehamna');
  const charts = page.locator('main .chart-grid figure.chart svg');
  expect(await charts.count()).toBeGreaterThanOrEqual(2);
  const map = page.locator('main .chart-grid svg').filter({ has: page.locator('path[data-code]') });
  await expect(map).toHaveCount(1);
  await expect(map).toHaveAttribute('direction', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(map.locator('title').first()).toHaveText(t.map);
  // The provinces of Marrakech-Safi; Rehamna (07.427) has places and a link to its page.
  await expect(map.locator('path[data-code^="07."]')).toHaveCount(await map.locator('path[data-code]').count());
  await expect(map.locator('a[href="/territories/provinces/07.427"]')).toHaveCount(1);
  // The same figures as a table, behind a toggle that works without script.
  const toggle = page.locator('main .chart-block details').first();
  await toggle.locator('summary').click();
  await expect(toggle.locator('table tbody tr').first()).toBeVisible();
  await check(page, 'o03-dashboard-charts');
});
