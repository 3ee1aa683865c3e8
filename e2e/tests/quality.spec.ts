import { test, expect, signIn, signOut, type Lang } from './fixtures';

// Quality of care: an inspector reads the risk-ranked plan of Rehamna, schedules a visit of
// establishment 1, fills its grid (a refused try keeps what was typed), gets a rating capped
// by a critical failure, and opens a corrective action; the establishment's manager answers
// it with a PDF; the inspector closes it.
//
// The demo seeds visits of Rehamna establishments (one of establishment 1, with two open
// actions). Every project of the run schedules its own visit of establishment 1 and works only
// on it (its id comes from the page it lands on), so the projects never share a record.
//
// Accounts: inspector.rehamna and manager.demo sign in and out here.

const S: Record<Lang, Record<string, string>> = {
  fr: {
    plan: "Plan d'inspection",
    schedule: 'Programmer',
    conduct: 'Enregistrer la visite et calculer la note',
    levelMissing: 'Choisissez un niveau pour ce critère.',
    poor: 'Insuffisante',
    critical: 'Critère critique non conforme',
    openAction: "Ouvrir l'action",
    what: 'Remplacer les extincteurs du dortoir',
    sendAnswer: 'Envoyer la réponse',
    answer: 'Extincteurs remplacés, facture jointe.',
    close: "Vérifiée : clore l'action",
    closed: 'Close',
    foodMeasured: /Dépense alimentaire par bénéficiaire\s*: [\d\s\u202f\u00a0.,]+ MAD par an/,
    staffing: /Postes sous la norme d'encadrement|Chaque poste atteint la norme/,
  },
  ar: {
    plan: 'مخطط التفتيش',
    schedule: 'برمجة',
    conduct: 'تسجيل الزيارة واحتساب التقدير',
    levelMissing: 'اختر مستوى لهذا المعيار.',
    poor: 'غير كاف',
    critical: 'معيار حاسم غير مطابق',
    openAction: 'فتح الإجراء',
    what: 'تعويض أجهزة إطفاء الحريق في المرقد',
    sendAnswer: 'إرسال الرد',
    answer: 'تم تعويض الأجهزة، الفاتورة مرفقة.',
    close: 'تم التحقق: إغلاق الإجراء',
    closed: 'مغلق',
    foodMeasured: /نفقات التغذية لكل مستفيد: .+ درهم في السنة/,
    staffing: /عدد المناصب دون معيار التأطير|كل منصب يبلغ معيار التأطير/,
  },
};

const CODES = ['p.1', 'p.2', 'p.3', 'h.1', 'h.2', 'h.3', 'c.1', 'c.2', 'c.3', 's.1', 's.2', 'g.1', 'g.2', 'r.1', 'r.2'];

/** A date `days` after today, YYYY-MM-DD (UTC). */
function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test('inspection: plan, visit with a critical finding, corrective action answered by the manager', async ({
  page,
  lang,
  check,
}) => {
  // Three sign-ins, a grid of fifteen criteria and two accessibility checks.
  test.setTimeout(120_000);
  const s = S[lang];
  await signIn(page, lang, 'inspector.rehamna');

  // The plan of Rehamna, ranked by risk, each term explained.
  await page.goto('/quality/plan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.plan);
  const rows = page.locator('table.plan tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator('ul.risk-terms li')).toHaveCount(9);
  await check(page, '90-quality-plan');

  // Schedule an unannounced visit of establishment 1 (yesterday, so it can be recorded).
  await page.goto('/establishments/1/visits');
  await page.locator('#planned_on').fill(inDays(-1));
  await page.locator('#schedule').getByRole('button', { name: s.schedule, exact: true }).click();
  await expect(page).toHaveURL(/\/visits\/\d+\?done=scheduled$/);
  const visitUrl = new URL(page.url()).pathname;
  // Staffing is measured from the staff records, food spending from the latest annual
  // report filed or accepted (the demo's, or one a browser journey files meanwhile).
  await expect(page.locator('fieldset#criterion-s\\.1 p.measured')).toContainText(s.staffing);
  await expect(page.locator('fieldset#criterion-h\\.3 p.measured')).toContainText(s.foodMeasured);

  // A first try with levels missing: refused at the criteria, the observation kept.
  await page.locator('#conducted_on').fill(inDays(-1));
  await page.locator('#observation_p\\.2').fill('Extincteurs périmés — 2024');
  await page.getByRole('button', { name: s.conduct, exact: true }).click();
  await expect(page.locator('#level_p\\.1-error')).toHaveText(s.levelMissing);
  await expect(page.locator('#observation_p\\.2')).toHaveValue('Extincteurs périmés — 2024');

  // Every criterion scored, fire safety (critical) not met: the rating is capped.
  for (const code of CODES) {
    const level = code === 'p.2' ? 'not_compliant' : 'compliant';
    await page.locator(`input[name="level_${code}"][value="${level}"]`).check();
  }
  await page.locator('#conducted_on').fill(inDays(-1));
  await page.getByRole('button', { name: s.conduct, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${visitUrl}\\?done=conducted$`));
  await expect(page.locator('dl.facts')).toContainText(s.poor);
  await expect(page.locator('dl.facts')).toContainText(s.critical);

  // A corrective action from the finding.
  await page.locator('#criterion').selectOption('p.2');
  await page.locator('#what').fill(s.what);
  await page.locator('#party').selectOption('establishment');
  await page.locator('#due_on').fill(inDays(30));
  await page.locator('#priority').selectOption('high');
  await page.getByRole('button', { name: s.openAction, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${visitUrl}\\?done=action#actions$`));
  const card = page.locator('.action-card', { hasText: s.what });
  await expect(card).toBeVisible();
  await check(page, '91-quality-visit-report');
  await signOut(page, lang);

  // The manager answers with a PDF.
  await signIn(page, lang, 'manager.demo');
  await page.goto(visitUrl);
  const answerCard = page.locator('.action-card', { hasText: s.what });
  await answerCard.locator('textarea[name="answer"]').fill(s.answer);
  await answerCard.locator('input[name="file-evidence"]').setInputFiles({
    name: 'facture.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% facture\n'),
  });
  await answerCard.getByRole('button', { name: s.sendAnswer, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${visitUrl}\\?done=answered#actions$`));
  await expect(page.locator('.action-card', { hasText: s.what })).toContainText(s.answer);
  await expect(page.locator('.action-card', { hasText: s.what }).getByRole('link', { name: 'facture.pdf' })).toBeVisible();
  await signOut(page, lang);

  // The inspector verifies and closes it.
  await signIn(page, lang, 'inspector.rehamna');
  await page.goto(visitUrl);
  await page.locator('.action-card', { hasText: s.what }).getByRole('button', { name: s.close, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${visitUrl}\\?done=closed#actions$`));
  await expect(page.locator('.action-card', { hasText: s.what }).locator('.badge.action-closed')).toHaveText(s.closed);
});
