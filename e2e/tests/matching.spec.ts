import { test, expect, signIn, signOut, type Lang, type Strings } from './fixtures';
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';

// Person matching: a social worker of Rehamna finds a registry person typed in the other
// script, and is shown the registry's person, with the reasons, when admitting a child to an
// establishment; an establishment manager (who does not read the registry) is told only that
// a possible match exists in Rehamna; Rehamna's provincial officer starts the duplicate search
// of the province, merges a pair field by field, undoes the merge and marks another pair "not
// the same person"; Safi's officer finds none of Rehamna's persons, nor its pairs.
//
// Demo data (demo_matching.rs): in Rehamna, محمد العلوي / Mohamed El Alaoui, فاطمة الزهراء بناني /
// Fatima-Zahra Benani and يوسف الإدريسي / Youssef Idrissi, each filed twice, and the child
// خديجة العلوي (2014-09-03).
//
// Both projects (ar, fr) run at the same time against one server, so:
// - nothing the search test types changes anything;
// - each project admits its own spelling of the child (the check remembers a decision per typed
//   record) to the child-protection centre of Ben Guerir, which no other journey uses;
// - the duplicates test starts the province's job only when none has run; both projects merge
//   and undo Mohamed El Alaoui's pair (one at a time: a project waits while the other's merge
//   stands, and tries again when its merge comes second), and each marks its own pair "not the
//   same" (Arabic: Fatima-Zahra Benani, French: Youssef Idrissi), which nothing else uses.
//
// Accounts: social.rehamna, manager.demo, officer.rehamna and officer.safi sign in here.

interface M {
  searchTitle: string;
  count: (n: number) => string;
  searchNone: string;
  checkTitle: string;
  reasons: string;
  termName: string;
  levelCrossScript: RegExp;
  termBirth: string;
  levelBirthExact: string;
  linkThis: string;
  confirmNew: string;
  elsewhere: (province: string) => string; // the notice, up to the delegation
  duplicatesTitle: string;
  jobStart: string;
  jobStarted: string;
  jobRunning: string;
  jobDone: string;
  refresh: string;
  review: string;
  pairTitle: string;
  merge: string;
  merged: string;
  mergesTitle: string;
  undo: string;
  undoConfirm: string;
  undone: string;
  notSame: string;
  notSameConfirm: string;
  notSameDone: string;
  decided: string;
  female: string;
  /** The Latin spelling this project types at admission (one per project: see above). */
  child: string;
  /** The spelling the manager types (another record: the decision above is remembered per record). */
  managerChild: string;
  /** The pair this project marks "not the same person" (its Latin-only person's name). */
  notSamePair: string;
}

const S: Record<Lang, M> = {
  fr: {
    searchTitle: 'Rechercher une personne',
    count: (n) => (n > 1 ? `${n} personnes trouvées` : `${n} personne trouvée`),
    searchNone: 'Aucune personne de votre territoire ne correspond.',
    checkTitle: 'Cette personne est peut-être déjà connue',
    reasons: 'Pourquoi : le score terme par terme',
    termName: 'Nom et prénom',
    levelCrossScript: /^même nom dans l’autre écriture/,
    termBirth: 'Date de naissance',
    levelBirthExact: 'identique',
    linkThis: 'C’est cette personne : relier et enregistrer',
    confirmNew: 'Aucune de ces personnes : enregistrer une nouvelle personne',
    elsewhere: (p) => `Une correspondance possible existe dans le registre d’une province que vous ne consultez pas (${p})`,
    duplicatesTitle: 'Doublons du registre',
    jobStart: 'Rechercher les doublons de la province',
    jobStarted: 'La recherche des doublons a commencé ; son avancement s’affiche ici.',
    jobRunning: 'Recherche en cours',
    jobDone: 'Dernière recherche le',
    refresh: 'Actualiser l’avancement',
    review: 'Revoir',
    pairTitle: 'Deux personnes, peut-être une seule',
    merge: 'Fusionner en une seule personne',
    merged: 'Les deux personnes sont fusionnées ; l’historique des ménages est gardé. La fusion peut être annulée.',
    mergesTitle: 'Fusions',
    undo: 'Annuler la fusion',
    undoConfirm: 'Je confirme : les deux personnes redeviennent telles qu’elles étaient.',
    undone: 'La fusion est annulée : les deux personnes sont rétablies.',
    notSame: 'Ce ne sont pas la même personne',
    notSameConfirm: 'Je confirme : cette paire ne sera plus proposée.',
    notSameDone: 'Noté : ces deux personnes ne seront plus proposées.',
    decided: 'Cette paire a déjà été traitée.',
    female: 'Féminin',
    child: 'Khadija El Alaoui',
    managerChild: 'Khadija El-Alaoui',
    notSamePair: 'Youssef Idrissi',
  },
  ar: {
    searchTitle: 'البحث عن شخص',
    count: (n) => (n === 0 ? 'لم يُعثر على أي شخص' : n === 1 ? 'شخص واحد' : n === 2 ? 'شخصان' : `${n} أشخاص`),
    searchNone: 'لا يوافق البحث أي شخص من مجالك الترابي.',
    checkTitle: 'قد يكون هذا الشخص معروفًا من قبل',
    reasons: 'الأسباب: النتيجة بندًا بندًا',
    termName: 'الاسم الكامل',
    levelCrossScript: /^الاسم نفسه بالخط الآخر/,
    termBirth: 'تاريخ الازدياد',
    levelBirthExact: 'متطابق',
    linkThis: 'إنه هذا الشخص: ربط وتسجيل',
    confirmNew: 'ليس أيًّا منهم: تسجيل شخص جديد',
    elsewhere: (p) => `يوجد تطابق محتمل في سجل إقليم لا تطّلع عليه (${p})`,
    duplicatesTitle: 'المكررون في السجل',
    jobStart: 'البحث عن المكررين في الإقليم',
    jobStarted: 'بدأ البحث عن المكررين؛ يظهر تقدمه هنا.',
    jobRunning: 'البحث جارٍ',
    jobDone: 'آخر بحث في',
    refresh: 'تحديث التقدم',
    review: 'مراجعة',
    pairTitle: 'شخصان، ربما شخص واحد',
    merge: 'الدمج في شخص واحد',
    merged: 'دُمج الشخصان؛ حُفظ تاريخ الأسر. يمكن إلغاء الدمج.',
    mergesTitle: 'عمليات الدمج',
    undo: 'إلغاء الدمج',
    undoConfirm: 'أؤكد: يعود الشخصان كما كانا.',
    undone: 'أُلغي الدمج: أُعيد الشخصان كما كانا.',
    notSame: 'ليسا نفس الشخص',
    notSameConfirm: 'أؤكد: لن يُقترح هذا الزوج مرة أخرى.',
    notSameDone: 'سُجّل: لن يُقترح هذان الشخصان مرة أخرى.',
    decided: 'سبقت معالجة هذا الزوج.',
    female: 'أنثى',
    child: 'Khadija Alaoui',
    managerChild: 'Khadija Al Alaoui',
    notSamePair: 'Fatima-Zahra Benani',
  },
};

const REHAMNA_CHILD = { ar: 'خديجة العلوي', birth: '2014-09-03', household: 'DM-0001' };
const MOHAMED = { ar: 'محمد العلوي', lat: 'Mohamed El Alaoui' };

/** The child-protection centre of Ben Guerir (Rehamna), seeded for the e-services demo. */
const CENTRE = "Établissement de protection de l'enfance de Ben Guerir";

/** A new browser context with the project's options, its requests recorded like the test's. */
async function otherPage(browser: Browser, baseURL: string, requests: string[], testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    bypassCSP: true,
    serviceWorkers: 'block',
    viewport: testInfo.project.use.viewport,
  });
  context.on('request', (req) => requests.push(req.url()));
  return context.newPage();
}

/** Types a query in the search form and sends it. */
async function search(page: Page, s: M, q: string): Promise<void> {
  await page.locator('#f-q').fill(q);
  await page.locator('main form[role="search"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/persons\/search\?/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.searchTitle);
}

/** The results' rows holding `text`. */
const resultRows = (page: Page, text: string) => page.locator('table.matching-results tbody tr', { hasText: text });

/** The id of the establishment named `name`, through the registry's search. */
async function establishmentId(page: Page, name: string): Promise<number> {
  // The French name finds it in either language; the link shows the page's name.
  await page.goto(`/establishments?q=${encodeURIComponent(name)}`);
  const hrefs = await page.locator('main table a[href^="/establishments/"]').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href') ?? ''),
  );
  const id = Number(hrefs.map((h) => h.match(/^\/establishments\/(\d+)$/)?.[1]).find(Boolean));
  expect(id, `establishment "${name}"`).toBeGreaterThan(0);
  return id;
}

/** Fills the admission form of a register with a girl born on the demo child's date. */
async function typeChild(page: Page, latin: string): Promise<void> {
  const form = page.locator('#admit form');
  await form.locator('#name_fr').fill(latin);
  await form.locator('#birth_date').fill(REHAMNA_CHILD.birth);
  await form.locator('#sex').selectOption('female');
  await form.locator('#representative').selectOption('parent');
  await form.locator('#representative_name').fill('Ahmed El Alaoui');
  await form.locator('#basis').selectOption('family_request');
}

test('search: a person filed in Arabic found by a Latin spelling, and one filed in Latin by an Arabic one', async ({
  page,
  lang,
  check,
}) => {
  const s = S[lang];
  await signIn(page, lang, 'social.rehamna');

  // "Personnes" in the menu.
  await page.goto('/persons/search');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.searchTitle);

  // Filed in Arabic script only, typed in Latin script with the article.
  await search(page, s, 'Youssef El Idrissi');
  await expect(page.locator('main p.count')).toHaveText(s.count(2));
  const youssef = resultRows(page, 'يوسف الإدريسي');
  await expect(youssef).toHaveCount(1);
  await expect(youssef).toContainText('1985-11-01');
  await expect(youssef.getByRole('link', { name: 'DM-0005' })).toBeVisible();
  // … and the same person filed in Latin script, in another household.
  await expect(resultRows(page, 'Youssef Idrissi')).toContainText('DM-0006');
  await check(page, 'm1-search-latin');

  // Filed in Latin script only, typed in Arabic script without the second given name.
  await search(page, s, 'فاطمة بناني');
  await expect(resultRows(page, 'Fatima-Zahra Benani')).toHaveCount(1);
  await expect(resultRows(page, 'Fatima-Zahra Benani')).toContainText('1990-02-20');

  // The child, with her birth year.
  await page.locator('#f-year').fill('2014');
  await search(page, s, 'Khadija Alaoui');
  await expect(page.locator('main p.count')).toHaveText(s.count(1));
  await expect(resultRows(page, REHAMNA_CHILD.ar)).toContainText(s.female);

  // A year that is not one is refused at its field.
  await page.locator('#f-year').fill('20x4');
  await search(page, s, 'Khadija Alaoui');
  await expect(page.locator('#f-year')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('table.matching-results')).toHaveCount(0);
  await signOut(page, lang);
});

test('admission: the registry person shown with the reasons, linked; elsewhere only the province', async ({
  page,
  lang,
  t,
  check,
  shoot,
}) => {
  test.setTimeout(90_000);
  const s = S[lang];
  await signIn(page, lang, 'social.rehamna');
  const id = await establishmentId(page, CENTRE);
  await page.goto(`/establishments/${id}/register`);

  // The child typed in Latin script: before saving, the registry's خديجة العلوي.
  await typeChild(page, s.child);
  await page.locator('#admit form button[type="submit"]').click();
  const found = page.locator('#matching-check');
  await expect(found.getByRole('heading', { level: 2 })).toHaveText(s.checkTitle);
  const candidate = found.locator('article.candidate', { hasText: REHAMNA_CHILD.ar });
  await expect(candidate).toHaveCount(1);
  await expect(candidate.locator('p.meta')).toContainText(REHAMNA_CHILD.birth);
  await expect(candidate.locator('p.meta')).toContainText(REHAMNA_CHILD.household);
  // The reasons, term by term: the same name in the other script, the same birth date.
  const reasons = candidate.locator('table.waterfall');
  await expect(reasons.locator('caption')).toHaveText(s.reasons);
  await expect(reasons.locator('tr', { has: page.getByRole('rowheader', { name: s.termName, exact: true }) }).locator('td').first()).toHaveText(
    s.levelCrossScript,
  );
  await expect(reasons.locator('tr', { has: page.getByRole('rowheader', { name: s.termBirth, exact: true }) }).locator('td').first()).toHaveText(
    s.levelBirthExact,
  );
  // What was typed is kept.
  await expect(page.locator('#name_fr')).toHaveValue(s.child);
  await expect(found.getByRole('button', { name: s.confirmNew, exact: true })).toBeVisible();
  await check(page, 'm2-admission-check');
  await shoot(candidate, 'm2-admission-candidate');

  // "This is the person": linked and saved.
  await candidate.getByRole('button', { name: s.linkThis, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/establishments/${id}/register\\?done=admitted#present$`));
  await expect(page.locator('main .alert.success')).toBeVisible();
  await expect(page.locator('table.register-lines tbody tr', { hasText: s.child })).toHaveCount(1);
  await signOut(page, lang);

  // An establishment's manager does not read the registry: only the province is told, and
  // whom to ask; no name, date or household. Nothing is saved.
  await signIn(page, lang, 'manager.demo');
  await page.goto('/establishments/1/register');
  await typeChild(page, s.managerChild);
  await page.locator('#admit form button[type="submit"]').click();
  const elsewhere = page.locator('#matching-check');
  await expect(elsewhere.getByRole('heading', { level: 2 })).toHaveText(s.checkTitle);
  await expect(elsewhere.locator('p.elsewhere')).toHaveCount(1);
  await expect(elsewhere.locator('p.elsewhere')).toContainText(s.elsewhere(t.province));
  await expect(elsewhere.locator('article.candidate')).toHaveCount(0);
  for (const hidden of [REHAMNA_CHILD.ar, REHAMNA_CHILD.household]) await expect(elsewhere).not.toContainText(hidden);
  await check(page, 'm3-admission-elsewhere');
  await signOut(page, lang);
});

/** The duplicates page's section of a province. */
const provinceSection = (page: Page, name: string) =>
  page.locator('section.duplicates', { has: page.getByRole('heading', { level: 2, name, exact: true }) });

/** The open pairs' rows of a section holding `text`. */
const pairRows = (section: Locator, text: string) => section.locator('table tbody tr', { hasText: text });

/**
 * Opens the duplicates page; starts Rehamna's search if it never ran (or failed), then follows
 * its progress until it is done.
 */
async function pairsOfRehamna(page: Page, s: M, t: Strings, check: (page: Page, step: string) => Promise<void>): Promise<Locator> {
  await page.goto('/persons/duplicates');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.duplicatesTitle);
  const section = provinceSection(page, t.province);
  await expect(section).toHaveCount(1);
  const job = section.locator('p.job');
  const failed = (await job.count()) > 0 && !(await job.innerText()).includes(s.jobDone) && !(await job.innerText()).includes(s.jobRunning);
  if ((await job.count()) === 0 || failed) {
    await section.getByRole('button', { name: s.jobStart, exact: true }).click();
    await expect(page).toHaveURL(/\/persons\/duplicates\?done=started$/);
    await expect(page.locator('main p.notice[role="status"]')).toHaveText(s.jobStarted);
  }
  // Reloaded until done (the page is not live).
  await expect(async () => {
    const refresh = section.getByRole('link', { name: s.refresh, exact: true });
    if (await refresh.isVisible()) {
      await refresh.click();
    } else {
      await page.goto('/persons/duplicates');
    }
    await expect(job).toContainText(s.jobDone, { timeout: 500 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });
  await check(page, 'm4-duplicates');
  return section;
}

test('duplicates: the search of the province, a merge undone, a pair that is not the same; none of it for Safi', async ({
  page,
  browser,
  baseURL,
  requests,
  lang,
  t,
  check,
}, testInfo) => {
  // The job compares every person of the province; a merge may wait for the other project's.
  test.setTimeout(180_000);
  const s = S[lang];
  await signIn(page, lang, 'officer.rehamna');
  let section = await pairsOfRehamna(page, s, t, check);

  // The demo's pairs are proposed, each person filed once in each script (the other
  // project's own pair may be closed already as not the same).
  // Mohamed El Alaoui's pair may be merged by the other project at this moment, or its
  // search may be replacing the proposals: read the page again until it settles.
  await expect(async () => {
    await page.goto('/persons/duplicates');
    section = provinceSection(page, t.province);
    for (const who of [MOHAMED.lat, s.notSamePair]) {
      const open = pairRows(section, who);
      const merged = section.locator('ul.merges li', { hasText: who });
      await expect(open.or(merged).first()).toBeVisible({ timeout: 500 });
    }
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });

  // Mohamed El Alaoui's pair: merged, one project at a time.
  let pairPath = '';
  await expect(async () => {
    await page.goto('/persons/duplicates');
    section = provinceSection(page, t.province);
    const row = pairRows(section, MOHAMED.lat).first();
    await expect(row, 'the pair is open (not merged by the other project)').toBeVisible({ timeout: 500 });
    await expect(row).toContainText(MOHAMED.ar);
    await row.getByRole('link', { name: s.review, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.pairTitle);
    pairPath = new URL(page.url()).pathname;
    expect(pairPath).toMatch(/^\/persons\/duplicates\/\d+$/);

    // Side by side, field by field: the Arabic names of the first, the Latin ones of the second.
    const table = page.locator('table.side-by-side');
    await expect(table.locator('thead th').nth(1)).toContainText(MOHAMED.ar);
    await expect(table.locator('thead th').nth(2)).toContainText(MOHAMED.lat);
    await expect(page.locator('input[name="first_name_ar"][value="a"]')).toBeChecked();
    await expect(page.locator('input[name="first_name_lat"][value="b"]')).toBeChecked();
    await page.locator('input[name="last_name_lat"][value="b"]').check();
    await page.locator('input[name="birth_date"][value="a"]').check();
    // The explanation: the same name in the other script.
    const reasons = page.locator('table.waterfall');
    await expect(reasons.locator('caption')).toContainText(s.reasons);
    await expect(reasons.locator('tr', { has: page.getByRole('rowheader', { name: s.termName, exact: true }) }).locator('td').first()).toHaveText(
      s.levelCrossScript,
    );
    await check(page, 'm5-pair');

    await page.getByRole('button', { name: s.merge, exact: true }).click();
    if (!/\?done=merged$/.test(page.url())) {
      // The other project merged it first: wait for its undo and try again.
      await expect(page.locator('main')).toContainText(s.decided);
      throw new Error('merged by the other project meanwhile');
    }
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });

  await expect(page.locator('main p.notice[role="status"]')).toHaveText(s.merged);
  section = provinceSection(page, t.province);
  // One person now, with both spellings; the pair is no longer open.
  const merge = section.locator('ul.merges li', { hasText: MOHAMED.ar });
  await expect(merge).toHaveCount(1);
  await expect(merge).toContainText(MOHAMED.lat);
  await expect(pairRows(section, MOHAMED.lat)).toHaveCount(0);
  await check(page, 'm6-merged');

  // Undone: both persons back as they were, the pair open again.
  await merge.getByRole('checkbox', { name: s.undoConfirm }).check();
  await merge.getByRole('button', { name: s.undo, exact: true }).click();
  await expect(page).toHaveURL(/\/persons\/duplicates\?done=undone$/);
  await expect(page.locator('main p.notice[role="status"]')).toHaveText(s.undone);

  // This project's own pair: not the same person, never proposed again.
  section = provinceSection(page, t.province);
  const own = pairRows(section, s.notSamePair);
  await expect(own).toHaveCount(1);
  await own.getByRole('link', { name: s.review, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.pairTitle);
  const ownPath = new URL(page.url()).pathname;
  await page.getByRole('checkbox', { name: s.notSameConfirm }).check();
  await page.getByRole('button', { name: s.notSame, exact: true }).click();
  await expect(page).toHaveURL(/\/persons\/duplicates\?done=not-same$/);
  await expect(page.locator('main p.notice[role="status"]')).toHaveText(s.notSameDone);
  await expect(pairRows(provinceSection(page, t.province), s.notSamePair)).toHaveCount(0);
  await check(page, 'm7-not-same');
  // Decided: a second decision is refused.
  await page.goto(ownPath);
  await page.getByRole('checkbox', { name: s.notSameConfirm }).check();
  await page.getByRole('button', { name: s.notSame, exact: true }).click();
  await expect(page.locator('main')).toContainText(s.decided);
  await signOut(page, lang);

  // Safi's officer: the page holds Safi only, and Rehamna's pairs are not found.
  const safi = await otherPage(browser, baseURL!, requests, testInfo);
  await signIn(safi, lang, 'officer.safi');
  await safi.goto('/persons/duplicates');
  await expect(safi.getByRole('heading', { level: 1 })).toHaveText(s.duplicatesTitle);
  await expect(provinceSection(safi, t.province)).toHaveCount(0);
  await expect(safi.locator('main')).not.toContainText(MOHAMED.lat);
  for (const path of [pairPath, ownPath]) {
    const response = await safi.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(safi.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
  }
  // Nor merged or decided from there.
  const origin = new URL(baseURL!).origin;
  const fields = Object.fromEntries(
    ['first_name_ar', 'last_name_ar', 'first_name_lat', 'last_name_lat', 'birth_date', 'sex', 'cin'].map((f) => [f, 'a']),
  );
  for (const [path, form] of [
    [`${pairPath}/merge`, fields],
    [`${pairPath}/not-same`, { confirm: 'yes' }],
  ] as const) {
    const response = await safi.request.post(path, { form, headers: { Origin: origin }, maxRedirects: 0 });
    expect(response.status(), `POST ${path} by officer.safi`).toBe(404);
  }
  await safi.context().close();
});

test("search from Safi: none of Rehamna's persons, in either script", async ({ page, lang, check }) => {
  const s = S[lang];
  await signIn(page, lang, 'officer.safi');
  await page.goto('/persons/search');
  for (const q of ['Youssef El Idrissi', 'محمد العلوي', 'Fatima-Zahra Benani', 'Khadija Alaoui']) {
    await search(page, s, q);
    await expect(page.locator('main p.count')).toHaveText(s.count(0));
    await expect(page.locator('main p.empty')).toHaveText(s.searchNone);
    await expect(page.locator('table.matching-results')).toHaveCount(0);
  }
  await check(page, 'm8-safi-search');
  await signOut(page, lang);
});
