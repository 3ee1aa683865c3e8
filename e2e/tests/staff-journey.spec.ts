import { test, expect, DEMO_PASSWORD, overlaps } from './fixtures';

// A member of staff's journey, on desktop and phone: the header's sign-in link, a mistyped
// password, the dashboard, the territories down to one province, then signing out.
//
// officer.rehamna gets one wrong password per project (4 per run, on 2 workers). The account
// locks at 5 failures, but a successful sign-in clears its count, and each project signs in
// right after its failure: at most 2 failures are ever pending at once.
test('staff journey: sign in after a wrong password, dashboard → territories → province, sign out', async ({
  page,
  lang,
  t,
  check,
  shoot,
}, testInfo) => {
  await page.goto(`/lang/${lang}?next=/`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const header = page.locator('header.site-header');

  // Signed out: the header offers to sign in, and the main navigation has no dashboard.
  await expect(header.getByRole('button', { name: t.signOut })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.dashboard })).toHaveCount(0);
  await header.getByRole('link', { name: t.signIn, exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.loginHeading);
  await expect(page).toHaveTitle(`${t.loginHeading} · ${t.appName}`);

  // A wrong password: the form comes back (422) with an alert, keeping the username.
  const form = page.locator('main form');
  await page.locator('#username').fill('officer.rehamna');
  await page.locator('#password').fill('not-the-password');
  const [failed] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
    form.getByRole('button', { name: t.loginSubmit }).click(),
  ]);
  expect(failed.status()).toBe(422);
  await expect(page.getByRole('alert')).toHaveText(t.loginError);
  await expect(page.locator('#username')).toHaveValue('officer.rehamna');
  await expect(page.locator('#password')).toHaveValue('');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.loginHeading);
  await check(page, '20-login-error');

  // Corrected: the dashboard, with the person's grant in the header and on the page.
  await page.locator('#password').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: t.loginSubmit }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.dashboard);
  await expect(page).toHaveTitle(`${t.dashboard} · ${t.appName}`);
  await expect(header.locator('.grant')).toHaveText([t.officerGrant]);
  await expect(header.getByRole('link', { name: /Youssef Amrani/ })).toHaveAttribute('href', '/dashboard');
  await expect(header.getByRole('button', { name: t.signOut })).toBeVisible();
  await expect(header.getByRole('link', { name: t.signIn, exact: true })).toHaveCount(0);
  await expect(page.locator('main ul.grants li')).toHaveText([t.officerGrant]);
  await expect(
    page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.dashboard }),
  ).toHaveAttribute('aria-current', 'page');
  // Officers do not read the audit trail: no card for it.
  await expect(page.locator('main .cards').getByRole('link', { name: t.auditTitle })).toHaveCount(0);
  await check(page, '21-dashboard');
  await shoot(header, '21-header-signed-in');

  // The signed-in header must neither pile up nor push the page sideways (phones above all).
  const bar = header.locator('.bar');
  const piled = await overlaps({
    brand: bar.locator('.brand'),
    name: bar.locator('.who > a'),
    grant: bar.locator('.grant').first(),
    'sign-out': bar.getByRole('button', { name: t.signOut }),
    'language switch': bar.locator('nav.lang-switch'),
  });
  expect(piled, `signed-in header on ${testInfo.project.name}`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'dashboard is wider than the viewport').toBeLessThanOrEqual(0);

  // The territories shortcut → Marrakech-Safi → Rehamna, still signed in.
  await page.locator('main .cards').getByRole('link', { name: t.navTerritories, exact: true }).click();
  await expect(page).toHaveURL(/\/territories$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.territoriesHeading);
  await expect(page.locator('main table tbody tr')).toHaveCount(12);
  await expect(header.locator('.grant')).toHaveText([t.officerGrant]);
  await check(page, '22-territories-signed-in');

  await page.locator('main table').getByRole('link', { name: t.region, exact: true }).click();
  await expect(page).toHaveURL(/\/territories\/regions\/07$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.regionHeading);
  await check(page, '23-marrakech-safi-signed-in');

  await page.locator('main table').getByRole('link', { name: t.province, exact: true }).click();
  await expect(page).toHaveURL(/\/territories\/provinces\/07\.427$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.communesHeading);
  await expect(page.locator('main table tbody tr')).toHaveCount(25);
  await check(page, '24-rehamna-signed-in');

  // Sign out with the header's button: back home, signed out.
  await header.getByRole('button', { name: t.signOut }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.homeHeading);
  await expect(header.getByRole('link', { name: t.signIn, exact: true })).toBeVisible();
  await expect(header.getByRole('button', { name: t.signOut })).toHaveCount(0);
  await expect(header.locator('.grant')).toHaveCount(0);
  await check(page, '25-signed-out-home');

  // The session is gone: the dashboard sends to the sign-in form, which will come back to it.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?next=(\/|%2F)dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.loginHeading);
  await expect(page.locator('main form input[name="next"]')).toHaveValue('/dashboard');
  await check(page, '26-login-after-sign-out');
});
