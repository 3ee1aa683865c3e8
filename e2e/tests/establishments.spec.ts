import { test, expect, signIn, type Lang } from './fixtures';

// Establishments: the public directory (desktop and phone), and the staff registry with its
// life cycle and its scope (desktop only: tagged @desktop, which the phone projects leave out).
//
// The demo seeds about sixty establishments in Marrakech-Safi, most of them in Rehamna (07.427),
// a few in Safi (07.431), in every status; the directory lists only the authorised ones.
//
// Accounts: officer.rehamna is shared with the staff journey and the role refusal, and only
// signs in here too; officer.safi is used only by the scope test. The officer journey changes
// one establishment's status, a different one per language (ar and fr run in parallel).

const REHAMNA = '07.427';
const SAFI = '07.431';
const CATEGORY = 'schooled_children';
const PAGE_SIZE = 25;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('public directory: home → directory → Rehamna and a category, every card with its places', async ({
  page,
  lang,
  t,
  check,
}, testInfo) => {
  await page.goto(`/lang/${lang}?next=/`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);

  // No sign-in: the main navigation leads to the directory.
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.navDirectory, exact: true }).click();
  await expect(page).toHaveURL(/\/directory$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.directoryHeading);
  await expect(page).toHaveTitle(`${t.directoryHeading} · ${t.appName}`);

  // Filter by province and category, then submit the form.
  const filters = page.locator('main form.filters');
  await page.locator('#f-province').selectOption(REHAMNA);
  await page.locator('#f-category').selectOption(CATEGORY);
  await filters.getByRole('button', { name: t.filterSearch, exact: true }).click();
  // The form also has a search field (`q`), sent empty.
  await expect(page).toHaveURL(new RegExp(`/directory\\?province=${escape(REHAMNA)}&category=${CATEGORY}(&q=)?$`));
  await expect(page.locator('#f-province')).toHaveValue(REHAMNA);
  await expect(page.locator('#f-category')).toHaveValue(CATEGORY);

  // The count line says how many cards there are, in the language's plural form.
  const cards = page.locator('main ul.cards li.card');
  await expect(cards.first()).toBeVisible();
  const n = await cards.count();
  await expect(page.locator('main p.count')).toHaveText(t.establishmentsCount(n));
  // Every card: a name, the chosen category, and its places.
  await expect(cards.locator('h2')).toHaveCount(n);
  await expect(cards.locator('.badge')).toHaveText(Array(n).fill(t.categorySchooled));
  await expect(cards.filter({ has: page.locator('p', { hasText: t.capacity }) })).toHaveCount(n);
  await check(page, '60-directory-rehamna-filtered');

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `directory is wider than the viewport on ${testInfo.project.name}`).toBeLessThanOrEqual(0);
});

// fr changes the requested establishment with the highest id, ar the one below it: the two
// projects run at once and must not take the same one. Ids, not positions in the list, which
// is sorted by the name in the page's language. The highest, because the authorisation journey
// (authorisation.spec.ts) files manager.demo's projects, which have low ids, and each of them is
// `requested` for a moment while this test may be reading the list. Once changed, an
// establishment leaves the `requested` filter, so a rerun on the same server (--repeat-each)
// takes the next ones.
const PICK: Record<Lang, number> = { fr: 0, ar: 1 };

test(
  'officer: registry → filter requested → status change refused without a reason, then applied',
  { tag: '@desktop' },
  async ({ page, lang, t, check }) => {
    await signIn(page, lang, 'officer.rehamna');

    // The main navigation → the registry: Rehamna's establishments only, 25 a page.
    await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.navEstablishments, exact: true }).click();
    await expect(page).toHaveURL(/\/establishments$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.establishmentsHeading);
    await expect(page).toHaveTitle(`${t.establishmentsHeading} · ${t.appName}`);
    const rows = page.locator('main table tbody tr');
    const provinces = rows.locator('td:nth-child(3)');
    await expect(rows).toHaveCount(PAGE_SIZE);
    expect(new Set(await provinces.allTextContents())).toEqual(new Set([REHAMNA]));
    // More than a page: the pager leads to the next one, which leads back.
    const pager = page.locator('main nav.pager');
    await expect(pager.locator('a[rel="prev"]')).toHaveCount(0);
    await check(page, '70-establishments');
    await pager.locator('a[rel="next"]').click();
    await expect(page).toHaveURL(/\/establishments\?.*\bpage=2\b/);
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeLessThanOrEqual(PAGE_SIZE);
    expect(new Set(await provinces.allTextContents())).toEqual(new Set([REHAMNA]));
    await expect(pager.locator('a[rel="prev"]')).toBeVisible();

    // Filter by status (from page 2: a new filter starts again at the first page): every row
    // is a requested one, and the count says how many.
    await page.locator('#f-status').selectOption('requested');
    await page.locator('main form.filters').getByRole('button', { name: t.filterSearch, exact: true }).click();
    await expect(page).toHaveURL(/\/establishments\?.*\bstatus=requested\b/);
    await expect(page.locator('#f-status')).toHaveValue('requested');
    await expect(rows.first()).toBeVisible();
    const n = await rows.count();
    await expect(page.locator('main p.count')).toHaveText(t.establishmentsCount(n));
    await expect(rows.locator('td:nth-child(5)')).toHaveText(Array(n).fill(t.statusRequested));
    await check(page, '71-establishments-requested');

    // Open this project's establishment from the list.
    const hrefs = await rows.locator('td:first-child a').evaluateAll((links) => links.map((a) => a.getAttribute('href') || ''));
    const ids = hrefs.map((h) => Number(/^\/establishments\/(\d+)$/.exec(h)?.[1])).sort((a, b) => b - a);
    expect(ids.every(Number.isInteger), `links ${hrefs.join(' ')}`).toBe(true);
    expect(ids.length, 'requested establishments left in Rehamna').toBeGreaterThan(PICK[lang]);
    const id = ids[PICK[lang]];
    const link = rows.locator(`td:first-child a[href="/establishments/${id}"]`);
    const name = (await link.innerText()).trim();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/establishments/${id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page).toHaveTitle(`${name} · ${t.appName}`);
    const badge = page.locator('main .badge[class*="status-"]');
    await expect(badge).toHaveText(t.statusRequested);
    const timeline = page.locator('main ol.timeline li');
    await expect(timeline.first()).toBeVisible();
    const before = await timeline.count();
    await check(page, '72-establishment-requested');

    // No reason: the form comes back (422) with the alert, keeping what was chosen.
    const to = page.locator('#to');
    const reason = page.locator('#reason');
    const apply = page.locator('main form').getByRole('button', { name: t.applyStatus, exact: true });
    await to.selectOption('under_review');
    await expect(to.locator('option:checked')).toHaveText(t.statusUnderReview);
    await reason.fill('');
    const [refused] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/establishments/${id}/status`,
      ),
      apply.click(),
    ]);
    expect(refused.status()).toBe(422);
    await expect(page.getByRole('alert')).toHaveText(t.reasonRequired);
    await expect(to).toHaveValue('under_review');
    await expect(reason).toHaveValue('');
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(reason).toHaveAccessibleDescription(t.reasonRequired);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(badge).toHaveText(t.statusRequested);
    await expect(timeline).toHaveCount(before);
    await check(page, '73-establishment-reason-missing');

    // With a reason: back on the establishment's page, in its new status, one more entry,
    // with a confirmation.
    await reason.fill(t.reasonText);
    await apply.click();
    await expect(page).toHaveURL(new RegExp(`/establishments/${id}\\?changed=1$`));
    await expect(page.getByRole('status')).toHaveText(t.statusChanged);
    await expect(badge).toHaveText(t.statusUnderReview);
    await expect(timeline).toHaveCount(before + 1);
    await expect(timeline.last()).toContainText(t.statusUnderReview);
    await expect(timeline.last()).toContainText(t.reasonText);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await check(page, '74-establishment-under-review');
  },
);

test(
  'scope: a Safi establishment opened by the Rehamna officer answers a translated 404',
  { tag: '@desktop' },
  async ({ page, browser, baseURL, lang, t, check, requests }) => {
    // officer.safi, in a browser context of their own, finds one of Safi's establishments.
    const safiContext = await browser.newContext({ baseURL, bypassCSP: true, serviceWorkers: 'block' });
    safiContext.on('request', (req) => requests.push(req.url()));
    let href = '';
    try {
      const safi = await safiContext.newPage();
      await signIn(safi, lang, 'officer.safi');
      await safi.goto('/establishments');
      const rows = safi.locator('main table tbody tr');
      await expect(rows.first()).toBeVisible();
      expect(new Set(await rows.locator('td:nth-child(3)').allTextContents())).toEqual(new Set([SAFI]));
      href = (await rows.first().locator('td:first-child a').getAttribute('href')) || '';
      expect(href).toMatch(/^\/establishments\/\d+$/);
      // It is there for the person in charge of it.
      const own = await safi.goto(href);
      expect(own!.status()).toBe(200);
    } finally {
      await safiContext.close();
    }

    // officer.rehamna types its address: not found, as if it did not exist.
    await signIn(page, lang, 'officer.rehamna');
    const response = await page.goto(href);
    expect(response!.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page).toHaveTitle(`${t.notFound} · ${t.appName}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
    await check(page, '80-establishment-out-of-scope');
  },
);
