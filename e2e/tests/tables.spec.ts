import { test, expect, signIn, type Page, type Strings } from './fixtures';

// The shared sortable, paged tables: with JavaScript, htmx replaces the table region in
// place and the address follows; without it, the same links and form load whole pages.
// The order and the pages come from the server either way.

/** The list of establishments: rows, the capacity column, the pager. */
function establishments(page: Page) {
  const main = page.locator('main');
  const rows = main.locator('table tbody tr');
  return {
    rows,
    capacities: async () => (await rows.locator('td:nth-child(4)').allTextContents()).map((c) => Number(c.trim())),
    capacityHeader: main.locator('thead th').filter({ has: page.locator('a.sort[href*="sort=capacity"]') }),
    nameHeader: main.locator('thead th').filter({ has: page.locator('a.sort[href*="sort=name"]') }),
    pager: main.locator('nav.pager'),
    position: main.locator('nav.pager span'),
    filters: main.locator('form.filters'),
  };
}

const descending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] >= x);
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);

/** How many pages the count line announces (25 rows a page). */
async function pageCount(page: Page): Promise<number> {
  const text = (await page.locator('main p.count').innerText()).trim();
  const n = Number(/\d+/.exec(text)?.[0]);
  expect(Number.isInteger(n), `count line ${text}`).toBe(true);
  return Math.max(1, Math.ceil(n / 25));
}

async function sortAndPage(page: Page, t: Strings, check: (page: Page, step: string) => Promise<void>, js: boolean) {
  const step = js ? 'js' : 'nojs';
  await page.goto('/establishments');
  const list = establishments(page);
  await expect(list.rows.first()).toBeVisible();
  // By name first: the name header says so; the others carry no aria-sort.
  await expect(list.nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(list.capacityHeader).not.toHaveAttribute('aria-sort', /.*/);
  const pages = await pageCount(page);
  expect(pages, 'officer.rehamna sees more than one page of establishments').toBeGreaterThan(1);
  await expect(list.position).toHaveText(t.pagerPosition(1, pages));
  if (js) await page.evaluate(() => ((window as any).jisrSamePage = true));

  // Largest first.
  await list.capacityHeader.locator('a').click();
  await expect(page).toHaveURL(/\/establishments\?sort=capacity&dir=desc$/);
  await expect(list.capacityHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(list.nameHeader).not.toHaveAttribute('aria-sort', /.*/);
  // In place, the focus stays on the header just used.
  if (js) await expect(page.locator('#sort-capacity')).toBeFocused();
  const first = await list.capacities();
  expect(first.length).toBe(25);
  expect(descending(first), `capacities ${first}`).toBe(true);
  await check(page, `t01-${step}-by-capacity`);

  // The next page goes on in the same order.
  await list.pager.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(/\/establishments\?sort=capacity&dir=desc&page=2$/);
  await expect(list.position).toHaveText(t.pagerPosition(2, pages));
  const second = await list.capacities();
  expect(second.length).toBeGreaterThan(0);
  expect(descending(second), `capacities ${second}`).toBe(true);
  expect(second[0]).toBeLessThanOrEqual(first[first.length - 1]);
  await expect(list.pager.locator('a[rel="prev"]')).toBeVisible();
  await check(page, `t02-${step}-page-2`);

  // The same header again: smallest first, back to the first page.
  await list.capacityHeader.locator('a').click();
  await expect(page).toHaveURL(/\/establishments\?sort=capacity&dir=asc$/);
  await expect(list.capacityHeader).toHaveAttribute('aria-sort', 'ascending');
  const smallest = await list.capacities();
  expect(ascending(smallest), `capacities ${smallest}`).toBe(true);

  // A filter keeps the order: every row authorised, still smallest first.
  await page.locator('#f-status').selectOption('authorised');
  await list.filters.getByRole('button', { name: t.filterSearch, exact: true }).click();
  await expect(page).toHaveURL(/\/establishments\?q=&category=&status=authorised&sort=capacity&dir=asc$/);
  await expect(page.locator('#f-status')).toHaveValue('authorised');
  await expect(list.capacityHeader).toHaveAttribute('aria-sort', 'ascending');
  const n = await list.rows.count();
  expect(n).toBeGreaterThan(0);
  await expect(list.rows.locator('td:nth-child(5)')).toHaveText(Array(n).fill(t.statusAuthorised));
  expect(ascending(await list.capacities())).toBe(true);
  await check(page, `t03-${step}-authorised-by-capacity`);

  if (js) {
    // Every step above replaced the table in the same document: no page was loaded.
    expect(await page.evaluate(() => (window as any).jisrSamePage)).toBe(true);
    // Going back restores the previous address and its table (loaded again from the server).
    await page.goBack();
    await expect(page).toHaveURL(/\/establishments\?sort=capacity&dir=asc$/);
    await expect(page.locator('#f-status')).toHaveValue('');
    expect(ascending(await list.capacities())).toBe(true);
  }
}

test('officer: the establishments sorted and paged in place with htmx, the address following', async ({ page, lang, t, check }) => {
  await signIn(page, lang, 'officer.rehamna');
  const fragments: string[] = [];
  page.on('request', (r) => {
    if (r.headers()['hx-request']) fragments.push(new URL(r.url()).pathname + new URL(r.url()).search);
  });
  await sortAndPage(page, t, check, true);
  // htmx asked for the table region (four requests: sort, page, sort again, filter).
  expect(fragments.slice(0, 4)).toEqual([
    '/establishments?sort=capacity&dir=desc',
    '/establishments?sort=capacity&dir=desc&page=2',
    '/establishments?sort=capacity&dir=asc',
    '/establishments?q=&category=&status=authorised&sort=capacity&dir=asc',
  ]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('officer: the same links and form load whole pages in the same order', async ({ page, browser, lang, t, check }) => {
    await signIn(page, lang, 'officer.rehamna');
    // axe-core is a script: each page reached without JavaScript is checked (and shot) as
    // the same address opened in a twin context with scripts on and the same session.
    const twin = await browser.newContext({
      storageState: await page.context().storageState(),
      viewport: page.viewportSize(),
      bypassCSP: true,
      // The test's own options apply to new contexts too: scripts back on for the twin.
      javaScriptEnabled: true,
    });
    const twinPage = await twin.newPage();
    const checkTwin = async (p: Page, step: string) => {
      await twinPage.goto(p.url());
      await check(twinPage, step);
    };
    // No script runs here: htmx is not even there to ask for a fragment.
    const fragments: string[] = [];
    page.on('request', (r) => {
      if (r.headers()['hx-request']) fragments.push(r.url());
    });
    await sortAndPage(page, t, checkTwin, false);
    expect(fragments).toEqual([]);
    await twin.close();
  });
});

test('auditor: the trail paged newest first, then oldest first', async ({ page, lang, check }) => {
  await signIn(page, lang, 'auditor');
  await page.goto('/audit');
  const ids = async () =>
    (await page.locator('main table tbody tr td:first-child').allTextContents()).map((c) => Number(c.trim()));
  const newest = await ids();
  expect(newest.length).toBe(50);
  expect(descending(newest)).toBe(true);
  await page.locator('main nav.pager a[rel="next"]').click();
  await expect(page).toHaveURL(/\/audit\?sort=at&dir=desc&page=2$/);
  const older = await ids();
  // Page 2 goes on where page 1 stopped; entries other journeys write meanwhile push it
  // later, never earlier.
  expect(descending(older)).toBe(true);
  expect(older[0]).toBeGreaterThanOrEqual(newest[newest.length - 1] - 1);
  expect(older[0]).toBeLessThan(newest[0]);
  await check(page, 't04-audit-page-2');
  const header = page.locator('main thead th[aria-sort]');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await header.locator('a').click();
  await expect(page).toHaveURL(/\/audit\?sort=at&dir=asc$/);
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  expect((await ids())[0]).toBe(1);
});
