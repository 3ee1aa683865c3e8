import { test, expect, signIn, signOut, type Lang } from './fixtures';

// Staff records of an establishment (issue 19), in Arabic and French: the manager of
// establishment 1 sees the educator shortfall and the accreditation expiring soon on the
// establishment's page, adds a person (a refused try first, what was typed kept), opens
// her file with the salary, records a training; the delegation lists the shortfall and
// reads the file without the salary; another province finds nothing.
//
// The demo seeds establishment 1's staff (demo_staff.rs): educators short of the ratio
// and a social worker whose accreditation expires in 45 days. ar and fr run in parallel,
// each adding its own person (their own CIN) as a cook, which leaves the educators'
// shortfall as it is for the other.

interface StaffStrings {
  shortfall: string;
  educator: string; // the post short of the ratio in the demo
  expiring: string;
  staffLink: string;
  errorsSummary: string;
  nameArRequired: string;
  cinError: string;
  add: string;
  added: string;
  trainingAdd: string;
  trainingAdded: string;
  overviewTitle: string;
  salary: string;
}

const S: Record<Lang, StaffStrings> = {
  ar: {
    shortfall: 'مستخدمون دون معايير الفئة',
    educator: 'مربي(ة)',
    expiring: 'اعتمادات تنتهي خلال 90 يومًا',
    staffLink: 'المستخدمون',
    errorsSummary: 'تحقق من الحقول المشار إليها أسفله.',
    nameArRequired: 'الاسم بالحروف العربية إلزامي.',
    cinError: 'أدخلوا رقم البطاقة الوطنية: حرف أو حرفان ثم ستة أرقام على الأكثر.',
    add: 'إضافة إلى المستخدمين',
    added: 'تمت إضافة المستخدم.',
    trainingAdd: 'تسجيل تكوين',
    trainingAdded: 'تم تسجيل التكوين.',
    overviewTitle: 'مستخدمو المؤسسات: الخصاص والاعتمادات',
    salary: 'الأجر الشهري الإجمالي (درهم)',
  },
  fr: {
    shortfall: 'Personnel en deçà des normes de la catégorie',
    educator: 'Éducateur·rice',
    expiring: 'Agréments qui expirent dans les 90 jours',
    staffLink: 'Personnel',
    errorsSummary: 'Vérifiez les champs signalés ci-dessous.',
    nameArRequired: 'Le nom en lettres arabes est obligatoire.',
    cinError: "Saisissez un numéro de CIN\u00a0: une ou deux lettres puis jusqu'à six chiffres.",
    add: 'Ajouter au personnel',
    added: 'Le membre du personnel a été ajouté.',
    trainingAdd: 'Enregistrer une formation',
    trainingAdded: 'La formation a été enregistrée.',
    overviewTitle: 'Personnel des établissements\u00a0: déficits et agréments',
    salary: 'Salaire mensuel brut (MAD)',
  },
};

const PERSON: Record<Lang, { cin: string; ar: string; fr: string }> = {
  ar: { cin: 'EE900001', ar: 'مريم الحسني', fr: 'Meryem Hassani' },
  fr: { cin: 'EE900002', ar: 'سناء القادري', fr: 'Sanaa Kadiri' },
};

test('staff records: the manager adds a person and a training, the delegation sees the shortfall without salaries @desktop', async ({
  page,
  lang,
  check,
}) => {
  // Three people sign in and five pages are checked with axe: more than the default time.
  test.slow();
  const s = S[lang];
  const who = PERSON[lang];
  await signIn(page, lang, 'manager.demo');

  // The establishment's page: the shortfall against the category's ratio, the
  // accreditation expiring soon, and the way to the staff.
  await page.goto('/establishments/1');
  await expect(page.locator('.staff-shortfall')).toContainText(s.shortfall);
  await expect(page.locator('.staff-shortfall')).toContainText(s.educator);
  await expect(page.locator('.staff-expiring')).toContainText(s.expiring);
  await page.getByRole('link', { name: s.staffLink, exact: true }).click();
  await expect(page).toHaveURL(/\/establishments\/1\/staff$/);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(page.locator('#staffing table tr.over').first()).toBeVisible();
  await check(page, '90-staff-roster');

  // A refused try: the errors at their fields, what was typed kept.
  const form = page.locator('section#add form');
  await form.locator('#name_fr').fill(who.fr);
  await form.locator('#national_id').fill('12');
  await form.locator('#sex').selectOption('female');
  await form.locator('#birth_date').fill('1994-05-12');
  await form.locator('#post').selectOption('cook');
  await form.locator('#employer').selectOption('association');
  await form.locator('#contract').selectOption('permanent');
  await form.locator('#salary').fill('4800');
  await form.getByRole('button', { name: s.add }).click();
  await expect(page.locator('section#add [role="alert"]')).toHaveText(s.errorsSummary);
  await expect(page.locator('#name_ar-error')).toHaveText(s.nameArRequired);
  await expect(page.locator('#national_id-error')).toHaveText(s.cinError);
  await expect(page.locator('#name_fr')).toHaveValue(who.fr);
  await expect(page.locator('#post')).toHaveValue('cook');
  await expect(page.locator('#salary')).toHaveValue('4800');
  await check(page, '91-staff-add-refused');

  // Corrected: she is in post.
  await page.locator('#name_ar').fill(who.ar);
  await page.locator('#national_id').fill(who.cin);
  await page.locator('section#add form').getByRole('button', { name: s.add }).click();
  await expect(page.locator('[role="status"]').first()).toHaveText(s.added);
  const row = page.locator('section#in-post tr', { hasText: lang === 'ar' ? who.ar : who.fr });
  await expect(row).toHaveCount(1);

  // A training with her among those who attended.
  const training = page.locator('section#trainings form').last();
  await training.locator('#t-subject').fill(lang === 'ar' ? 'الإنصات الفعال' : 'Écoute active');
  await training.locator('#t-starts_on').fill('2026-11-02');
  await training.locator('#t-ends_on').fill('2026-11-03');
  await training.locator('#t-trainer').fill('Dr Amrani');
  await training.getByLabel(lang === 'ar' ? who.ar : who.fr).check();
  await training.getByRole('button', { name: s.trainingAdd }).click();
  await expect(page.locator('[role="status"]').first()).toHaveText(s.trainingAdded);

  // Her file: identity, the salary for the manager, the training history.
  await page.locator('section#in-post').getByRole('link', { name: lang === 'ar' ? who.ar : who.fr }).click();
  await expect(page).toHaveURL(/\/staff\/\d+$/);
  const fileUrl = page.url();
  await expect(page.locator('#identity')).toContainText(who.cin);
  await expect(page.locator('#assignments td.salary')).toContainText('4');
  await expect(page.locator('#trainings')).toContainText(lang === 'ar' ? 'الإنصات الفعال' : 'Écoute active');
  await check(page, '92-staff-file');
  await signOut(page, lang);

  // The delegation: the shortfall listed, the file without the salary.
  await signIn(page, lang, 'officer.rehamna');
  await page.goto('/staffing');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.overviewTitle);
  await expect(page.locator('#shortfalls a[href="/establishments/1/staff"]')).toBeVisible();
  await check(page, '93-staffing-overview');
  await page.goto(fileUrl);
  await expect(page.locator('#identity')).toContainText(who.cin);
  await expect(page.locator('#assignments td.salary')).toHaveCount(0);
  await expect(page.getByText(s.salary)).toHaveCount(0);
  await signOut(page, lang);

  // Another province: not found.
  await signIn(page, lang, 'officer.safi');
  const answer = await page.goto('/establishments/1/staff');
  expect(answer?.status()).toBe(404);
  const file = await page.goto(fileUrl);
  expect(file?.status()).toBe(404);
});
