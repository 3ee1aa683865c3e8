import { test, expect, DEMO_PASSWORD, type Lang } from './fixtures';

// Complaints: a citizen files a complaint on a phone-sized screen without an account (first
// with errors, which are shown at their fields with what was typed kept), gets a receipt with a
// tracking code and a deadline, and follows it at /track; the officer of Rehamna finds it in the
// delegation's queue and answers it with reasons; the citizen then reads the answer at /track.
// Each language files its own complaint (the form carries its own submission key), so the
// Arabic and French runs do not meet.

const REHAMNA = '07.427';
const CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/;

interface Words {
  newTitle: string;
  continue: string;
  submit: string;
  errorCategory: string;
  errorFacts: string;
  receiptTitle: string;
  statusTitle: string;
  received: string;
  answered: string;
  queueTitle: string;
  stepSubmit: string;
  stepDone: string;
  answer: string;
  facts: string;
  name: string;
}

const WORDS: Record<Lang, Words> = {
  ar: {
    newTitle: 'تقديم شكاية',
    continue: 'متابعة',
    submit: 'إيداع الشكاية',
    errorCategory: 'اختر موضوع الشكاية.',
    errorFacts: 'صف ما حدث (10 أحرف على الأقل).',
    receiptTitle: 'وصل إيداع شكاية',
    statusTitle: 'تتبع الشكاية',
    received: 'واردة',
    answered: 'تم الجواب',
    queueTitle: 'الشكايات',
    stepSubmit: 'تسجيل المرحلة',
    stepDone: 'تم تسجيل المرحلة.',
    answer: 'تم تغيير الممون وستقدم الوجبات ساخنة.',
    facts: 'الوجبات تصل باردة منذ أسبوعين.',
    name: 'خديجة بناني',
  },
  fr: {
    newTitle: 'Déposer une réclamation',
    continue: 'Continuer',
    submit: 'Déposer la réclamation',
    errorCategory: "Choisissez l'objet de la réclamation.",
    errorFacts: "Décrivez ce qui s'est passé (au moins 10 caractères).",
    receiptTitle: 'Récépissé de réclamation',
    statusTitle: 'Suivi de la réclamation',
    received: 'Reçue',
    answered: 'Répondue',
    queueTitle: 'Réclamations',
    stepSubmit: "Enregistrer l'étape",
    stepDone: 'Étape enregistrée.',
    answer: 'Le traiteur a été changé ; les repas arrivent chauds.',
    facts: 'Les repas arrivent froids depuis deux semaines.',
    name: 'Khadija Bennani',
  },
};

test('complaints: filed on a phone with errors then corrected, tracked, answered by the officer', async ({
  page,
  browser,
  baseURL,
  lang,
  check,
}) => {
  const w = WORDS[lang];
  const phone = `06 61 ${lang === 'ar' ? '40' : '41'} 22 33`;
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/lang/${lang}?next=/complaints/new`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.newTitle);
  await page.locator('#province').selectOption(REHAMNA);
  await page.getByRole('button', { name: w.continue, exact: true }).click();
  await expect(page).toHaveURL(/\/complaints\/new\?province=07\.427$/);
  await check(page, 'grievance-form');

  // Sent with no category and too short an account: errors at the fields, the name kept.
  await page.locator('#establishment').selectOption({ index: 1 });
  await page.locator('#facts').fill('court');
  await page.locator('#name').fill(w.name);
  await page.locator('#phone').fill(phone);
  await page.locator('#consent').check();
  const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/complaints/new'));
  await page.getByRole('button', { name: w.submit, exact: true }).click();
  expect((await refused).status()).toBe(422);
  await expect(page.locator('#category-error')).toHaveText(w.errorCategory);
  await expect(page.locator('#facts-error')).toHaveText(w.errorFacts);
  await expect(page.locator('#name')).toHaveValue(w.name);
  await check(page, 'grievance-form-errors');

  await page.locator('input[name="category"][value="care_quality"]').check();
  await page.locator('#facts').fill(w.facts);
  await page.locator('#consent').check();
  await page.getByRole('button', { name: w.submit, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.receiptTitle);
  const code = (await page.locator('main .tracking .code').textContent())!.trim();
  expect(code).toMatch(CODE);
  await check(page, 'grievance-receipt');

  // Tracked with the code and the phone.
  const track = async () => {
    await page.goto('/track');
    await page.locator('#code').fill(code);
    await page.locator('#secret').fill(phone);
    await page.locator('main form[action="/track"] button[type="submit"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.statusTitle);
  };
  await track();
  await expect(page.locator('main .badge[class*="status-"]').first()).toHaveText(w.received);

  // The officer answers from the delegation's queue.
  const staff = await browser.newContext({ baseURL, bypassCSP: true, serviceWorkers: 'block' });
  const officer = await staff.newPage();
  await officer.goto(`/lang/${lang}?next=/login`);
  await officer.locator('#username').fill('officer.rehamna');
  await officer.locator('#password').fill(DEMO_PASSWORD);
  await officer.locator('main form button[type="submit"]').click();
  await expect(officer).toHaveURL(/\/dashboard$/);
  await officer.goto('/grievances');
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText(w.queueTitle);
  const link = officer.locator('main table tbody td:first-child a', { hasText: code });
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText(code);
  await expect(officer.locator('main')).toContainText(w.facts);
  await check(officer, 'grievance-record');
  await officer.locator('input[name="step"][value="answer"]').check();
  await officer.locator('#reasons').fill(w.answer);
  await officer.getByRole('button', { name: w.stepSubmit, exact: true }).click();
  await expect(officer.getByRole('status')).toHaveText(w.stepDone);
  await staff.close();

  // The citizen reads the answer.
  await track();
  await expect(page.locator('main .badge[class*="status-"]').first()).toHaveText(w.answered);
  await expect(page.locator('main')).toContainText(w.answer);
  await check(page, 'grievance-answered');
});
