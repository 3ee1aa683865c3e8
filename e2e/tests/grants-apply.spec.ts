import { test, expect, signIn, type Lang } from './fixtures';

// Grants as the public and an association see them: the public reads the open call and the
// register of awarded grants, filters it and downloads its CSV (360Giving columns); the
// manager of an association's establishment (manager.demo) drafts an application — filing
// it half-typed shows the missing field with what was typed kept —, saves the draft, files
// it, gets a receipt number, and is reminded of the documents the call asks. Each language
// drafts its own application.

interface Words {
  callsTitle: string;
  callTitle: string;
  documentsAsked: string;
  registerTitle: string;
  saveDraft: string;
  file: string;
  required: string;
  saved: string;
  receiptTitle: string;
  reminderTitle: string;
  missingStatutes: string;
  mineTitle: string;
}

const WORDS: Record<Lang, Words> = {
  ar: {
    callsTitle: 'طلبات عروض المشاريع',
    callTitle: 'دعم مشاريع إدماج الأشخاص في وضعية إعاقة 2026',
    documentsAsked: 'الوثائق المطلوبة',
    registerTitle: 'سجل الدعم الممنوح',
    saveDraft: 'حفظ المسودة',
    file: 'إيداع الطلب',
    required: 'هذا الحقل إلزامي.',
    saved: 'تم حفظ المسودة.',
    receiptTitle: 'وصل الإيداع',
    reminderTitle: 'وثائق ناقصة',
    missingStatutes: 'القانون الأساسي للجمعية',
    mineTitle: 'طلبات الدعم الخاصة بي',
  },
  fr: {
    callsTitle: 'Appels à projets',
    callTitle: "Soutien aux projets d'inclusion des personnes handicapées 2026",
    documentsAsked: 'Pièces demandées',
    registerTitle: 'Registre des subventions accordées',
    saveDraft: 'Enregistrer le brouillon',
    file: 'Déposer la demande',
    required: 'Ce champ est obligatoire.',
    saved: 'Brouillon enregistré.',
    receiptTitle: 'Récépissé',
    reminderTitle: 'Pièces manquantes',
    missingStatutes: "Statuts de l'association",
    mineTitle: 'Mes demandes de subvention',
  },
};

test('grants: the public reads the call and the register; a manager drafts, files and is reminded', async ({
  page,
  lang,
  check,
}) => {
  const w = WORDS[lang];
  const title = lang === 'ar' ? 'ورشة القراءة للجميع' : 'Atelier de lecture pour tous';

  // The public: the open call, with the documents it asks.
  await page.goto(`/lang/${lang}?next=/calls`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.callsTitle);
  await page.getByRole('link', { name: w.callTitle }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.callTitle);
  await expect(page.getByRole('heading', { name: w.documentsAsked })).toBeVisible();
  await expect(page.locator('main li', { hasText: w.missingStatutes })).toBeVisible();
  await check(page, 'g01-call');

  // The register: filtered by province, then its CSV.
  await page.goto('/open-data');
  await page.getByRole('link', { name: w.registerTitle }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.registerTitle);
  await page.locator('#province').selectOption('07.427');
  await page.locator('form.filters button[type="submit"]').click();
  await expect(page).toHaveURL(/province=07\.427/);
  // The demo's grant is listed (the staff journey may have awarded another meanwhile).
  await expect(page.locator('#register tbody tr', { hasText: 'Rénovation des dortoirs' })).toHaveCount(1);
  await check(page, 'g02-register');
  const href = await page.locator('a[href*="format=csv"]').getAttribute('href');
  expect(href).toContain('province=07.427');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body.split('\n')[0]).toContain('Identifier,Title,Description,Currency,Amount Awarded');
  expect(body).toContain(',MAD,160000,');

  // The manager drafts an application: filing it half-typed names the missing field.
  await signIn(page, lang, 'manager.demo');
  await page.goto('/calls/1');
  await page.locator('main a[href="/calls/1/apply"]').click();
  await page.locator('#project_title').fill(title);
  await page.locator('#place').fill('Ben Guerir');
  await page.locator('#duration_months').fill('10');
  await page.locator('#women').fill('12');
  await page.locator('#children').fill('30');
  await page.locator('#budget-staff').fill('60000');
  await page.locator('#budget-activities').fill('40000');
  await page.locator('#requested').fill('70000');
  await page.getByRole('button', { name: w.file }).click();
  await expect(page.locator('#objectives-error')).toHaveText(w.required);
  await expect(page.locator('#project_title')).toHaveValue(title);
  await expect(page.locator('#budget-activities')).toHaveValue('40000');
  await check(page, 'g03-application-errors');

  // Completed and saved as a draft, then filed: a receipt and the reminder.
  await page.locator('#objectives').fill(lang === 'ar' ? 'تمكين ثلاثين طفلاً من القراءة' : 'Apprendre à lire à trente enfants');
  await page.getByRole('button', { name: w.saveDraft }).click();
  await expect(page).toHaveURL(/\/grant-applications\/\d+\?saved=1$/);
  await expect(page.getByRole('status')).toHaveText(w.saved);
  await expect(page.locator('#requested')).toHaveValue('70000');
  await page.getByRole('button', { name: w.file }).click();
  await expect(page).toHaveURL(/\/grant-applications\/\d+\/receipt$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.receiptTitle);
  await expect(page.locator('#receipt-number')).toHaveText(/^SUB-\d{4}-\d{6}$/);
  await expect(page.locator('#reminder h2')).toHaveText(w.reminderTitle);
  await expect(page.locator('#reminder li', { hasText: w.missingStatutes })).toBeVisible();
  await check(page, 'g04-receipt');

  await page.goto('/grant-applications');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.mineTitle);
  await expect(page.locator('#mine a', { hasText: title })).toBeVisible();
});
