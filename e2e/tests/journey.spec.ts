import { test, expect, STRINGS, otherLang, chooseLanguage } from './fixtures';

// The public journey a visitor makes: home → territories → Marrakech-Safi →
// Rehamna's communes, then a change of language on that last page.
test('public journey: home → territories → region → province, then switch language', async ({
  page,
  lang,
  t,
  check,
}) => {
  // No cookie yet: the first visit is in Arabic, the default.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  // Choose the language with the header's switch, as a visitor would.
  await chooseLanguage(page, lang);
  await expect(page).toHaveURL(/\/$/);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', lang);
  await expect(html).toHaveAttribute('dir', t.dir);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.homeHeading);
  await expect(page).toHaveTitle(`${t.homeHeading} · ${t.appName}`);
  await check(page, '01-home');

  // Main navigation → territories.
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.navTerritories, exact: true }).click();
  await expect(page).toHaveURL(/\/territories$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.territoriesHeading);
  await expect(page.locator('table tbody tr')).toHaveCount(12);
  await check(page, '02-territories-regions');

  // → region Marrakech-Safi.
  await page.locator('table').getByRole('link', { name: t.region, exact: true }).click();
  await expect(page).toHaveURL(/\/territories\/regions\/07$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.regionHeading);
  await check(page, '03-marrakech-safi-provinces');

  // → province Rehamna: 25 communes.
  await page.locator('table').getByRole('link', { name: t.province, exact: true }).click();
  await expect(page).toHaveURL(/\/territories\/provinces\/07\.427$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.communesHeading);
  await expect(page.locator('main table tbody tr')).toHaveCount(25);
  await expect(page.locator('main .count')).toHaveText(t.communesCount);
  await expect(page.getByRole('navigation', { name: t.breadcrumbs }).locator('[aria-current="page"]')).toHaveText(t.province);
  await check(page, '04-rehamna-communes');

  // Nothing may stick out sideways (a wide table scrolls inside its own box).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);

  // Switch language from this page: same page, other language.
  const other = otherLang(lang);
  const o = STRINGS[other];
  await page.locator('nav.lang-switch a', { hasText: o.switchLabel }).click();
  await expect(page).toHaveURL(/\/territories\/provinces\/07\.427$/);
  await expect(html).toHaveAttribute('lang', other);
  await expect(html).toHaveAttribute('dir', o.dir);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(o.communesHeading);
  await expect(page.locator('main .count')).toHaveText(o.communesCount);
  await expect(page.locator('main table tbody tr')).toHaveCount(25);
  await expect(page.locator('nav.lang-switch a', { hasText: o.switchLabel })).toHaveAttribute('aria-current', 'true');
  await check(page, `05-rehamna-communes-switched-to-${other}`);
});
