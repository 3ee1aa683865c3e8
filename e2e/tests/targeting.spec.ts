import { test, expect, signIn, type Lang } from './fixtures';

// Targeting, in Arabic and French (desktop only: tagged @desktop).
//
// The programme owner writes a draft version of a programme, first with a mistake (refused at
// the field, text kept), then a valid one, reads the simulation per province and activates it.
// fr works on Direct Social Aid (asd), ar on AMO Tadamon: the two projects run at once.
// Before that, the programme owner creates a programme of their own in the pages (first with
// a name missing, refused at the field with what was typed kept), writes its first version,
// simulates it with nothing in force (every eligible household enters) and applies it.
// A social worker of Rehamna opens a household of the demo registry and reads why it is or is
// not eligible, criterion by criterion.

interface Words {
  programmes: string;
  saveDraft: string;
  fieldError: RegExp;
  simulation: string;
  leaving: string;
  activate: string;
  activated: string;
  draftStatus: string;
  activeStatus: string;
  registry: string;
  eligibility: string;
  decision: RegExp;
  criterion: RegExp;
  newProgramme: string;
  create: string;
  nameRequired: string;
  created: string;
  noActive: string;
  entering: string;
  everyoneEnters: string;
}

const WORDS: Record<Lang, Words> = {
  fr: {
    programmes: 'Programmes',
    saveDraft: 'Enregistrer le brouillon et le simuler',
    fieldError: /^Ligne 1, colonne 9\u00a0: champ inconnu «\u00a0income\u00a0»\.$/,
    simulation: 'Simulation',
    leaving: 'Sortent',
    activate: 'Activer cette version',
    activated: 'La version a été activée.',
    draftStatus: 'Brouillon',
    activeStatus: 'En vigueur',
    registry: 'Registre social',
    eligibility: 'Éligibilité aux programmes en vigueur',
    decision: /Éligible|Non éligible/,
    criterion: /Rempli|Non rempli/,
    newProgramme: 'Nouveau programme',
    create: 'Créer le programme',
    nameRequired: 'Indiquer le nom.',
    created: 'Le programme a été créé. Écrivez maintenant sa première version.',
    noActive: 'Aucune version en vigueur.',
    entering: 'Entrent',
    everyoneEnters: 'Aucune version en vigueur\u00a0: tous les ménages éligibles entrent.',
  },
  ar: {
    programmes: 'البرامج',
    saveDraft: 'حفظ المسودة ومحاكاتها',
    fieldError: /^السطر 1، العمود 9: حقل غير معروف «income»\.$/,
    simulation: 'المحاكاة',
    leaving: 'تخرج',
    activate: 'تفعيل هذه النسخة',
    activated: 'تم تفعيل النسخة.',
    draftStatus: 'مسودة',
    activeStatus: 'جاري بها العمل',
    registry: 'السجل الاجتماعي',
    eligibility: 'الاستحقاق في البرامج الجاري بها العمل',
    decision: /مستحقة|غير مستحقة/,
    criterion: /متحقق|غير متحقق/,
    newProgramme: 'برنامج جديد',
    create: 'إنشاء البرنامج',
    nameRequired: 'يرجى إدخال الاسم.',
    created: 'تم إنشاء البرنامج. اكتب الآن نسخته الأولى.',
    noActive: 'لا توجد نسخة جاري بها العمل.',
    entering: 'تدخل',
    everyoneEnters: 'لا توجد نسخة جاري بها العمل: تدخل جميع الأسر المستحقة.',
  },
};

const PROGRAMME: Record<Lang, string> = { fr: 'asd', ar: 'amo-tadamon' };

// The programme each language creates, named apart (a household page lists both).
const NEW_PROGRAMME: Record<Lang, { ar: string; fr: string }> = {
  fr: { ar: 'الحقيبة المدرسية', fr: 'Kits scolaires' },
  ar: { ar: 'الأدوات المدرسية', fr: 'Fournitures scolaires' },
};

test('programme owner: a refused draft, a valid one simulated per province, then activated @desktop', async ({
  page,
  lang,
  t,
  check,
}) => {
  const w = WORDS[lang];
  const code = PROGRAMME[lang];
  await signIn(page, lang, 'programme');
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: w.programmes, exact: true }).click();
  await expect(page).toHaveURL(/\/programmes$/);
  await check(page, '80-programmes');
  await page.locator(`main a[href="/programmes/${code}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/programmes/${code}$`));
  await check(page, '81-programme');

  // A mistake: an unknown field. Refused at the field, the text kept, nothing saved.
  const wrong = 'income: income < 3';
  await page.locator('#valid_from').fill('2027-01-01');
  await page.locator('#rule').fill(wrong);
  await page.getByRole('button', { name: w.saveDraft }).click();
  await expect(page.locator('#rule')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#rule-error li')).toHaveText(w.fieldError);
  await expect(page.locator('#rule')).toHaveValue(wrong);
  await check(page, '82-draft-refused');

  // A valid draft: a lower threshold. Saved, then simulated against the version in force.
  await page.locator('#rule').fill('index-threshold: index <= 9.2');
  await page.getByRole('button', { name: w.saveDraft }).click();
  await expect(page).toHaveURL(new RegExp(`/programmes/${code}/simulate\\?version=2$`));
  const table = page.locator('main table');
  await expect(table.locator('thead')).toContainText(w.leaving);
  await expect(table.locator('tbody th[scope="row"]').first()).toBeVisible();
  // Rehamna is among the provinces (the demo registry is mostly there).
  await expect(table.locator('tbody')).toContainText(t.province);
  await check(page, '83-simulation');

  // Activation, with its confirmation text beside the button.
  await expect(page.locator('#activate-confirm')).toBeVisible();
  await page.getByRole('button', { name: w.activate }).click();
  await expect(page).toHaveURL(new RegExp(`/programmes/${code}\\?activated=1$`));
  await expect(page.getByRole('status')).toHaveText(w.activated);
  const rows = page.locator('main table tbody tr');
  await expect(rows.first().locator('td').nth(3)).toHaveText(w.activeStatus);
  await check(page, '84-activated');
});

test('programme owner: creates a programme, then simulates its first version and applies it @desktop', async ({
  page,
  lang,
  t,
  check,
}) => {
  const w = WORDS[lang];
  const code = `school-kits-${lang}`;
  const names = NEW_PROGRAMME[lang];
  await signIn(page, lang, 'programme');
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: w.programmes, exact: true }).click();
  await page.getByRole('link', { name: w.newProgramme, exact: true }).click();
  await expect(page).toHaveURL(/\/programmes\/new$/);

  // The Arabic name forgotten: refused at its field, the rest kept.
  await page.locator('#code').fill(code);
  await page.locator('#name_fr').fill(names.fr);
  await page.locator('#description_fr').fill('Un kit par enfant de moins de 21 ans.');
  await page.locator('#pays_benefit').check();
  await page.getByRole('button', { name: w.create }).click();
  await expect(page.locator('#name_ar')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#name_ar-error')).toHaveText(w.nameRequired);
  await expect(page.locator('#code')).toHaveValue(code);
  await expect(page.locator('#name_fr')).toHaveValue(names.fr);
  await expect(page.locator('#pays_benefit')).toBeChecked();
  await check(page, '87-programme-new-refused');

  await page.locator('#name_ar').fill(names.ar);
  await page.getByRole('button', { name: w.create }).click();
  await expect(page).toHaveURL(new RegExp(`/programmes/${code}\\?created=1$`));
  await expect(page.getByRole('status')).toHaveText(w.created);
  await expect(page.locator('main')).toContainText(w.noActive);
  await check(page, '88-programme-created');

  // Its first version, simulated against nothing in force: households only enter.
  await page.locator('#valid_from').fill('2027-09-01');
  await page.locator('#rule').fill('has-children: children_under_21 >= 1');
  await page.locator('#benefit').fill('min(children_under_21, 3) * 200');
  await page.getByRole('button', { name: w.saveDraft }).click();
  await expect(page).toHaveURL(new RegExp(`/programmes/${code}/simulate\\?version=1$`));
  await expect(page.locator('main')).toContainText(w.everyoneEnters);
  const table = page.locator('main table');
  await expect(table.locator('thead')).toContainText(w.entering);
  await expect(table.locator('tbody')).toContainText(t.province);
  await check(page, '89-first-version-simulated');

  await page.getByRole('button', { name: w.activate }).click();
  await expect(page).toHaveURL(new RegExp(`/programmes/${code}\\?activated=1$`));
  await expect(page.getByRole('status')).toHaveText(w.activated);
  await expect(page.locator('main table tbody tr').first().locator('td').nth(3)).toHaveText(w.activeStatus);
});

test('social worker: a household of Rehamna and why it is or is not eligible @desktop', async ({
  page,
  lang,
  t,
  check,
}) => {
  const w = WORDS[lang];
  await signIn(page, lang, 'social.rehamna');
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: w.registry, exact: true }).click();
  await expect(page).toHaveURL(/\/registry\/households$/);
  await check(page, '85-households');
  await page.locator('main table tbody a').first().click();
  await expect(page).toHaveURL(/\/registry\/households\/\d+$/);
  await expect(page.getByRole('heading', { level: 2, name: w.eligibility })).toBeVisible();
  const decisions = page.locator('main section.decision');
  await expect(decisions.first()).toBeVisible();
  await expect(decisions.first().locator('h3')).toContainText(w.decision);
  await expect(decisions.first().locator('tbody td').first()).toHaveText(w.criterion);
  await expect(decisions.first()).toContainText('index-threshold');
  await check(page, '86-household');
});
