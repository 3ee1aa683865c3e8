import { test, expect, signIn, signOut, type Lang } from './fixtures';

// Annual reports: the manager of establishment 1 starts a year's report (figures
// pre-filled from the register), is refused once with what was typed kept, files it; the
// Rehamna officer returns it with a remark; the manager files it again; the officer
// approves it and opens the printable report.
//
// The demo leaves establishment 1 without the reports of the last two years: the Arabic
// project works on the latest year's, the French one on the year before, so the two
// never share a record.
//
// Accounts: manager.demo and officer.rehamna sign in and out here.

const S: Record<Lang, Record<string, string>> = {
  fr: {
    start: 'Commencer le rapport',
    reason: 'Ce chiffre diffère du registre',
    filed: 'Rapport déposé auprès de la délégation.',
    returned: 'Rapport renvoyé à l\'établissement avec vos remarques.',
    accepted: 'Rapport approuvé.',
    file: 'Déposer le rapport',
    send: 'Enregistrer la décision',
    print: 'Version imprimable',
    printTitle: 'Rapport annuel',
    statusAccepted: 'Approuvé',
    remark: 'Détailler les prestations délivrées',
  },
  ar: {
    start: 'بدء التقرير',
    reason: 'هذا الرقم يختلف عن السجل',
    filed: 'أودع التقرير لدى المندوبية.',
    returned: 'أُرجع التقرير إلى المؤسسة مع ملاحظاتكم.',
    accepted: 'صودق على التقرير.',
    file: 'إيداع التقرير',
    send: 'تسجيل القرار',
    print: 'نسخة للطباعة',
    printTitle: 'التقرير السنوي',
    statusAccepted: 'مصادق عليه',
    remark: 'يرجى تفصيل الخدمات المقدمة',
  },
};

test('annual report: filed, returned with a remark, filed again, approved, printed', async ({
  page,
  lang,
  check,
}) => {
  test.setTimeout(90_000);
  const s = S[lang];
  const year = new Date().getFullYear() - (lang === 'ar' ? 1 : 2);

  // The manager starts the report: the register's figures are in the form.
  await signIn(page, lang, 'manager.demo');
  await page.goto('/annual-reports');
  await check(page, '95-annual-reports-list');
  const row = page.locator(`tr[data-year="${year}"][data-establishment="1"]`);
  await row.getByRole('button', { name: new RegExp(s.start) }).click();
  await expect(page).toHaveURL(/\/annual-reports\/\d+$/);
  const reportUrl = new URL(page.url()).pathname;
  const girls = page.locator('#served-12_17-female');
  const register = await girls.locator('xpath=ancestor::tr/td[1]').innerText();
  await expect(girls).toHaveValue(register.trim());
  await check(page, '96-annual-report-form');

  // One more girl than the register without a reason: refused, what was typed kept.
  await girls.fill(String(Number(register.trim()) + 1));
  await page.locator('#spending-food').fill('9000');
  await page.locator('#spending-staff').fill('41000');
  await page.locator('#funder-name-0').fill('Entraide nationale');
  await page.locator('#funder-amount-0').fill('50000');
  await page.getByRole('button', { name: s.file, exact: true }).click();
  await expect(page.locator('#reason-12_17-female-error')).toContainText(s.reason);
  await expect(page.locator('#spending-food')).toHaveValue('9000');
  await expect(page.locator('#funder-name-0')).toHaveValue('Entraide nationale');

  await page.locator('#reason-12_17-female').fill('Accueil en urgence — استقبال مستعجل');
  await page.getByRole('button', { name: s.file, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${reportUrl}\\?done=filed$`));
  await expect(page.getByRole('status')).toHaveText(s.filed);
  await signOut(page, lang);

  // The officer returns it with a remark.
  await signIn(page, lang, 'officer.rehamna');
  await page.goto(reportUrl);
  await page.locator('input[name="decision"][value="return"]').check();
  await page.locator('#remarks-input').fill(s.remark);
  await page.getByRole('button', { name: s.send, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(s.returned);
  await signOut(page, lang);

  // The manager reads the remark and files it again.
  await signIn(page, lang, 'manager.demo');
  await page.goto(reportUrl);
  await expect(page.locator('#remarks')).toContainText(s.remark);
  await page.locator('#services_delivered').fill('320');
  await page.getByRole('button', { name: s.file, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(s.filed);
  await signOut(page, lang);

  // The officer approves it; the printable report shows the figures.
  await signIn(page, lang, 'officer.rehamna');
  await page.goto(reportUrl);
  await page.locator('input[name="decision"][value="accept"]').check();
  await page.getByRole('button', { name: s.send, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(s.accepted);
  await page.getByRole('link', { name: s.print, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${reportUrl}/print$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(s.printTitle);
  await expect(page.locator('main')).toContainText(s.statusAccepted);
  await expect(page.locator('main')).toContainText('Entraide nationale');
  await check(page, '97-annual-report-print');
});
