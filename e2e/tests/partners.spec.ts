import * as path from 'path';
import { test, expect, signIn, signOut, type Lang } from './fixtures';

// Consultations: the programme owner imports an XLSForm questionnaire (an unsupported one is
// refused by name and row, nothing imported), launches a consultation to Marrakech-Safi's
// establishments; the manager of establishment 1 answers on a 360 px phone, saves half,
// comes back, resumes and submits; the owner reads the results with their charts. Each
// language launches its own consultation (its own title), so the two runs do not meet.

const FIXTURES = path.join(__dirname, '..', 'fixtures');

interface Words {
  importSubmit: string;
  imported: string;
  launchSubmit: string;
  saveDraft: string;
  submit: string;
  saved: string;
  submitted: string;
  results: string;
  title: string;
}

const WORDS: Record<Lang, Words> = {
  ar: {
    importSubmit: 'استيراد',
    imported: 'تم استيراد الاستمارة.',
    launchSubmit: 'إطلاق الاستشارة',
    saveDraft: 'حفظ المسودة',
    submit: 'إرسال الجواب',
    saved: 'تم حفظ المسودة. يمكنك استئنافها لاحقا.',
    submitted: 'تم إرسال جوابك. شكرا.',
    results: 'النتائج',
    title: 'صعوبات المؤسسات — اختبار',
  },
  fr: {
    importSubmit: 'Importer',
    imported: 'Le questionnaire est importé.',
    launchSubmit: 'Lancer la consultation',
    saveDraft: 'Enregistrer le brouillon',
    submit: 'Envoyer la réponse',
    saved: 'Votre brouillon est enregistré. Vous pouvez le reprendre plus tard.',
    submitted: 'Votre réponse est envoyée. Merci.',
    results: 'Résultats',
    title: 'Difficultés des établissements — essai',
  },
};

test('consultations: XLSForm imported and refused, answered on a phone with a resumed draft, results', async ({
  page,
  lang,
  check,
}) => {
  const w = WORDS[lang];
  await signIn(page, lang, 'programme');
  await page.goto('/questionnaires');

  // The unsupported workbook is refused by name and row; nothing is imported.
  await page.locator('#file').setInputFiles(path.join(FIXTURES, 'unsupported.xlsx'));
  const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/questionnaires'));
  await page.getByRole('button', { name: w.importSubmit, exact: true }).click();
  expect((await refused).status()).toBe(422);
  const errors = page.locator('#import-errors');
  await expect(errors).toContainText('geopoint');
  await expect(errors.locator('li', { hasText: 'geopoint' })).toContainText('3');
  await check(page, 'partners-import-refused');

  await page.locator('#file').setInputFiles(path.join(FIXTURES, 'difficulties.xlsx'));
  await page.getByRole('button', { name: w.importSubmit, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(w.imported);

  // Launched to every category of Marrakech-Safi (the newest version is the first option).
  await page.locator('#version').selectOption({ index: 0 });
  await page.locator('#title_ar').fill(`${WORDS.ar.title} ${lang}`);
  await page.locator('#title_fr').fill(`${WORDS.fr.title} ${lang}`);
  for (const box of await page.locator('input[name="categories"]').all()) await box.check();
  await page.locator('input[name="territories"][value="07"]').check();
  await page.getByRole('button', { name: w.launchSubmit, exact: true }).click();
  await expect(page).toHaveURL(/\/consultations\/\d+$/);
  const results = page.url();
  await check(page, 'partners-launched');
  await signOut(page, lang);

  // The manager answers on a phone: half first, saved as a draft.
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, lang, 'manager.demo');
  await page.goto('/consultations');
  const mine = page.locator('main a', { hasText: `${w.title} ${lang}` });
  await expect(mine).toHaveCount(1);
  await mine.click();
  await expect(page).toHaveURL(/\/consultation-answers\/\d+$/);
  const answer = page.url();
  await page.locator('input[name="q.difficulty"][value="yes"]').check();
  await page.locator('input[name="q.themes"][value="staff"]').check();
  await page.getByRole('button', { name: w.saveDraft, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(w.saved);
  await check(page, 'partners-draft');

  // Later: the draft is there, completed and submitted.
  await page.goto('/dashboard');
  await page.goto(answer);
  await expect(page.locator('input[name="q.difficulty"][value="yes"]')).toBeChecked();
  await expect(page.locator('input[name="q.themes"][value="staff"]')).toBeChecked();
  await page.locator('#q-staff_missing').fill('3');
  await page.locator('#q-comment').fill(lang === 'ar' ? 'نقص في المربيات' : "Il manque deux éducatrices");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: w.submit, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(w.submitted);
  await expect(page.getByRole('button', { name: w.submit, exact: true })).toHaveCount(0);
  await check(page, 'partners-submitted');
  await signOut(page, lang);

  // The owner reads the results, with a chart per question.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, lang, 'programme');
  await page.goto(results);
  await expect(page.getByRole('heading', { level: 2, name: w.results, exact: true })).toBeVisible();
  await expect(page.locator('main figure.chart svg').first()).toBeVisible();
  await expect(page.locator('#progress tbody tr').filter({ hasText: /Rehamna|الرحامنة/ })).toContainText('1');
  await check(page, 'partners-results');
});

const MEETING: Record<Lang, { list: string; overdue: string; closed: string; addAction: string; close: string; sheet: string; action: string }> = {
  ar: {
    list: 'الاجتماعات مع الشركاء',
    overdue: 'متأخر',
    closed: 'أغلق في',
    addAction: 'إضافة إجراء',
    close: 'إغلاق',
    sheet: 'ورقة الحضور',
    action: 'إرسال لائحة الخدمات إلى الجمعيات',
  },
  fr: {
    list: 'Réunions avec les partenaires',
    overdue: 'En retard',
    closed: 'Close le',
    addAction: 'Ajouter une action',
    close: 'Clore',
    sheet: 'Feuille de présence',
    action: 'Envoyer la liste des services aux associations',
  },
};

test('partner meetings: the Rehamna officer follows the demo meeting, an overdue action closed, the attendance sheet', async ({
  page,
  lang,
  check,
}) => {
  const w = MEETING[lang];
  await signIn(page, lang, 'officer.rehamna');
  await page.goto('/meetings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.list);
  await page.locator('#meetings tbody a').first().click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.locator('#decisions li')).toHaveCount(2);
  await check(page, 'meeting');

  // A late action: shown overdue, then closed.
  await page.locator('#description').fill(w.action);
  await page.locator('#owner').fill(lang === 'ar' ? 'المندوبية' : 'Délégation');
  await page.locator('#due_on').fill('2026-01-15');
  await page.getByRole('button', { name: w.addAction, exact: true }).click();
  const row = page.locator('#actions tbody tr', { hasText: w.action });
  await expect(row).toContainText(w.overdue);
  await row.getByRole('button', { name: w.close, exact: true }).click();
  await expect(page.locator('#actions tbody tr', { hasText: w.action })).toContainText(w.closed);

  await page.getByRole('link', { name: w.sheet, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.sheet);
  await expect(page.locator('#sheet tbody tr')).toHaveCount(9);
  await check(page, 'meeting-sheet');
});
