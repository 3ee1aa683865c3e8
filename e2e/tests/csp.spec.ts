import { test, expect, signIn } from './fixtures';

// The other tests switch CSP enforcement off so that axe-core can be
// injected. Here it is on, and no page may break its own policy
// (an inline style or script, a resource from elsewhere, ...).
test.use({ bypassCSP: false });

const PAGES = [
  '/',
  '/territories',
  '/territories/regions/07',
  '/territories/provinces/07.427',
  '/directory',
  '/directory?province=07.427&category=schooled_children',
  '/units',
  '/api',
  '/nope',
];

test('every page sends a strict CSP and breaks none of it', async ({ page, lang }) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    // HTTP errors are checked through the responses below, with their URL.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`${page.url()}: console error: ${msg.text()}`);
    }
  });
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    // /nope is meant to be a 404; the browser's own /favicon.ico probe is not part of the pages.
    if (res.status() >= 400 && path !== '/nope' && path !== '/favicon.ico') {
      problems.push(`${res.url()}: HTTP ${res.status()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`${page.url()}: page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText || '';
    // A font still loading when the test moves on to the next page is cancelled: not a fault.
    if (error !== 'net::ERR_ABORTED') problems.push(`${req.url()}: request failed: ${error}`);
  });

  await page.goto(`/lang/${lang}?next=/`);
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(path === '/nope' ? 404 : 200);
    const csp = response!.headers()['content-security-policy'] || '';
    expect(csp, `CSP of ${path}`).toContain("default-src 'self'");
    expect(csp, `CSP of ${path}`).toContain("script-src 'self'");
    expect(csp, `CSP of ${path}`).not.toContain('unsafe-inline');
    // Scripts are not part of the public pages at all.
    await expect(page.locator('script')).toHaveCount(0);
    // The stylesheet is served and parsed.
    const styled = await page.evaluate(() => Array.from(document.styleSheets).some((s) => s.cssRules.length > 0));
    expect(styled, `stylesheet applied on ${path}`).toBe(true);
    // Every web font the page asked for loads (self-hosted, allowed by font-src 'self').
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return Array.from(document.fonts).map((f) => `${f.family} ${f.weight} ${f.status}`);
    });
    expect(fonts.filter((f) => f.endsWith(' error')), `fonts of ${path}`).toEqual([]);
  }
  expect(problems).toEqual([]);
});

test('staff pages load htmx from the app itself and it works under the same CSP', async ({ page, lang }) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${page.url()}: console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${page.url()}: page error: ${err.message}`));
  await signIn(page, lang, 'officer.rehamna');
  const response = await page.goto('/establishments');
  expect(response!.headers()['content-security-policy']).not.toContain('unsafe');
  // One script, from /static, and no inline one.
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src ? new URL((e as HTMLScriptElement).src).pathname : 'inline'));
  expect(scripts).toEqual(['/static/js/htmx-2.0.11.min.js']);
  const js = await page.request.get('/static/js/htmx-2.0.11.min.js');
  expect(js.headers()['cache-control']).toContain('immutable');
  expect(await page.evaluate(() => typeof (window as any).htmx)).toBe('object');
  // Sorting through htmx: the table changes, and htmx added no <style> to the page.
  await page.locator('main thead th a.sort[href*="sort=capacity"]').click();
  await expect(page).toHaveURL(/sort=capacity&dir=desc$/);
  await expect(page.locator('main thead th[aria-sort="descending"] a[href*="sort=capacity"]')).toHaveCount(1);
  expect(await page.locator('style').count()).toBe(0);
  expect(problems).toEqual([]);
});
