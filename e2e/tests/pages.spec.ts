import { test, expect } from './fixtures';

// Each test starts by passing through the app's own language switch URL
// (/lang/xx?next=...), which sets the language cookie and redirects.

test('keyboard: the first Tab reaches the skip link, Enter moves focus to main', async ({ page, lang, t, check }) => {
  await page.goto(`/lang/${lang}?next=/`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText(t.skipLink);
  await expect(skip).toBeVisible();
  await expect(skip).toHaveAttribute('href', '#main');
  await check(page, '10-keyboard-skip-link-focused');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  await expect(page).toHaveURL(/#main$/);
  // The next Tab continues inside main, not back at the header.
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
  expect(inMain, 'Tab after the skip link lands inside main').toBe(true);
});

for (const path of ['/nope', '/territories/provinces/99.999']) {
  test(`404: ${path} answers 404 with a translated title`, async ({ page, lang, t, check }) => {
    await page.goto(`/lang/${lang}?next=/`);
    const response = await page.goto(path);
    expect(response!.status()).toBe(404);
    expect(response!.headers()['content-type']).toContain('text/html');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('dir', t.dir);
    await expect(page).toHaveTitle(`${t.notFound} · ${t.appName}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
    const name = path === '/nope' ? '11-not-found' : '12-not-found-province';
    await check(page, name);
  });
}

test('API reference lists /api/v1/communes', async ({ page, lang, t, check }) => {
  await page.goto(`/lang/${lang}?next=/api`);
  await expect(page).toHaveURL(/\/api$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.apiHeading);
  await expect(page.locator('main table td', { hasText: /^\/api\/v1\/communes$/ })).toHaveCount(1);
  await expect(page.locator('main a[href="/api/v1/openapi.json"]')).toBeVisible();
  await check(page, '13-api-reference');
});

test('units page renders its table', async ({ page, lang, t, check }) => {
  await page.goto(`/lang/${lang}?next=/units`);
  await expect(page).toHaveURL(/\/units$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.unitsHeading);
  expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(12);
  await check(page, '14-units');
});
