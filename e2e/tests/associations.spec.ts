import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect, signIn, signOut, type AssocFact, type Lang, type Strings } from './fixtures';

// Associations, the partners that found and run establishments: the registry of a province
// with its search, a record with its board and its establishments, registering one, its
// board, the CSV import, and the scope and the roles.
//
// The demo seeds one association in each place that has establishments: the 25 communes of
// Rehamna (07.427), two of Safi (07.431) and a few elsewhere, each with a board of three or
// four people, each running the establishments of its commune.
//
// Every project of the run (ar, fr, phone-ar, phone-fr: they share one server and run in
// parallel) registers and imports its own associations, under registration numbers and names
// that carry the project's name and the time the test started, so that no two runs take the
// same record (on one server, reruns and --repeat-each too) and each search finds only its
// own; the seeded ones are only read.
//
// Accounts: officer.rehamna and officer.safi only sign in and out here. social.rehamna only
// reads; but it is also the account of the Arabic password test (staff.spec.ts), which
// changes its password for a few seconds and so ends its other sessions: see the role test.

const REHAMNA = '07.427';
const SAFI = '07.431';
const PAGE_SIZE = 25;
/** Communes of Rehamna, and Safi (the city), a commune outside officer.rehamna's province. */
const BEN_GUERIR = '07.427.01.01';
const REHAMNA_COMMUNES = ['07.427.01.01', '07.427.01.17', '07.427.07.01', '07.427.07.03'];
const SAFI_CITY = '07.431.01.03';
/** Ben Guerir's name, as the territorial data writes it. */
const BEN_GUERIR_NAME: Record<Lang, string> = { ar: 'ابن جرير', fr: 'Ben Guerir' };
const IMPORT_COLUMNS = 'registration_number,name_ar,name_fr,registration_date,commune_code,address,phone,email';
/** Which seeded association of the first page each project opens (read only). */
const PICK: Record<string, number> = { fr: 0, ar: 1, 'phone-fr': 2, 'phone-ar': 3 };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (s: string) => new RegExp(`^${escape(s)}$`);

/** What sets this run's records apart: the project, and when the test started (base 36). */
const runTag = (testInfo: TestInfo) => `${testInfo.project.name}-${Date.now().toString(36)}`;

/** A YYYY-MM-DD date as the pages write it (dd/mm/yyyy). */
const shown = (iso: string) => iso.split('-').reverse().join('/');

/** A date `years` after today, YYYY-MM-DD (UTC, as the server counts): in the future. */
function yearsFromNow(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** Clicks a form's button; answers the status of the POST to `path`. */
async function post(page: Page, path: string, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path),
    button.click(),
  ]);
  return response.status();
}

/** The registry: its table, the count line and the search. */
function listPage(page: Page, t: Strings) {
  const rows = page.locator('main table tbody tr');
  const filters = page.locator('main form.filters');
  return {
    rows,
    links: rows.locator('td:first-child a'),
    numbers: rows.locator('td:nth-child(2)'),
    provinces: rows.locator('td:nth-child(3)'),
    count: page.locator('main p.count'),
    empty: page.locator('main p.empty'),
    actions: page.locator('main p.actions'),
    /** Types the text in the search field and sends the form. */
    async search(text: string) {
      await filters.getByLabel(t.assocSearchLabel, { exact: true }).fill(text);
      await filters.getByRole('button', { name: t.filterSearch, exact: true }).click();
      // The search keeps the list's order (by name unless another was chosen).
      await expect(page).toHaveURL(/\/associations\?q=[^&]+&sort=name&dir=asc$/);
      await expect(filters.getByLabel(t.assocSearchLabel, { exact: true })).toHaveValue(text);
    },
  };
}

/** An association's page: its facts, its board and the establishments it runs. */
function recordPage(page: Page, t: Strings) {
  const board = page.locator('main section#board');
  return {
    fact: (f: AssocFact) => page.locator('main dl.facts > div').filter({ has: page.locator('dt', { hasText: exactly(t.assocFacts[f]) }) }).locator('dd'),
    board,
    members: board.locator('ul.board > li'),
    boardForm: board.locator('form[action$="/board"]'),
    establishmentsHeading: page.locator('main > h2'),
    establishments: page.locator('main > h2 + ul > li'),
  };
}

test('officer: associations → search → a record → register one (errors, then saved) → its board; out of scope for Safi', async ({
  page,
  lang,
  t,
  check,
}, testInfo) => {
  test.setTimeout(120_000);
  const run = runTag(testInfo);
  const list = listPage(page, t);
  const rec = recordPage(page, t);

  // ---- officer.rehamna: the registry, Rehamna's only ------------------------------------------
  await signIn(page, lang, 'officer.rehamna');
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.navAssociations, exact: true }).click();
  await expect(page).toHaveURL(/\/associations$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.assocTitle);
  await expect(page).toHaveTitle(`${t.assocTitle} · ${t.appName}`);
  await expect(list.rows.first()).toBeVisible();
  // The 25 seeded ones, and those the runs alongside have added by now: any number from 25,
  // in the language's plural form, and a page of at most 25 rows, all of Rehamna.
  const countText = (await list.count.innerText()).trim();
  const total = Array.from({ length: 1000 }, (_, k) => k).find((k) => t.assocCount(k) === countText);
  expect(total, `count line says "${countText}"`).toBeGreaterThanOrEqual(PAGE_SIZE);
  await expect(list.rows).toHaveCount(Math.min(total!, PAGE_SIZE));
  expect(new Set(await list.provinces.allTextContents())).toEqual(new Set([REHAMNA]));
  await expect(list.actions.getByRole('link', { name: t.assocNew, exact: true })).toHaveAttribute('href', '/associations/new');
  await expect(list.actions.getByRole('link', { name: t.assocImport, exact: true })).toHaveAttribute('href', '/associations/import');
  await check(page, 'b01-associations');

  // A seeded association, one per project: found by its number, then by its name.
  const picked = list.rows.nth(PICK[testInfo.project.name] ?? 0);
  const name = (await picked.locator('td:first-child a').innerText()).trim();
  const number = (await picked.locator('td:nth-child(2)').innerText()).trim();
  const href = (await picked.locator('td:first-child a').getAttribute('href')) || '';
  expect(href).toMatch(/^\/associations\/\d+$/);
  await list.search(number);
  await expect(list.links).toHaveText([name]);
  await expect(list.numbers).toHaveText([number]);
  await expect(list.count).toHaveText(t.assocCount(1));
  await list.search(name);
  await expect(list.rows.filter({ has: page.locator(`td:first-child a[href="${href}"]`) })).toHaveCount(1);
  await expect(list.links).toHaveText(Array(await list.rows.count()).fill(new RegExp(escape(name))));
  await check(page, 'b02-associations-search');

  // Its page: the facts, the board (each with a remove button), the establishments it runs.
  await list.links.filter({ hasText: exactly(name) }).click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page).toHaveTitle(`${name} · ${t.appName}`);
  await expect(rec.fact('registration_number')).toHaveText(number);
  await expect(rec.fact('registration_date')).toHaveText(/^\d\d\/\d\d\/\d{4}$/);
  await expect(rec.fact('commune').locator('.code')).toHaveText(new RegExp(`^${escape(REHAMNA)}\\.\\d\\d\\.\\d\\d$`));
  await expect(rec.board.getByRole('heading', { level: 2 })).toHaveText(t.assocBoard);
  await expect(rec.members.first()).toBeVisible();
  const seated = await rec.members.count();
  // Each with a "remove" disclosure whose confirmation button names the person.
  await expect(rec.members.locator('details summary')).toHaveText(Array(seated).fill(t.assocRemove));
  for (let i = 0; i < seated; i++) {
    const who = (await rec.members.nth(i).locator('strong').innerText()).trim();
    await expect(rec.members.nth(i).locator('details form button')).toHaveText(t.assocRemoveMember(who));
  }
  // Every member named with a position.
  const positions = Object.values(t.positions).map(escape).join('|');
  await expect(rec.members).toHaveText(Array(seated).fill(new RegExp(` — (${positions})`)));
  await expect(rec.boardForm).toBeVisible();
  await expect(rec.establishmentsHeading).toHaveText(t.assocEstablishments);
  await expect(rec.establishments.first()).toBeVisible();
  const runs = await rec.establishments.count();
  for (let i = 0; i < runs; i++) {
    await expect(rec.establishments.nth(i).locator('a')).toHaveAttribute('href', /^\/establishments\/\d+$/);
    await expect(rec.establishments.nth(i).locator('.badge[class*="status-"]')).toBeVisible();
  }
  await check(page, 'b03-association');

  // ---- registering one: refused first (a future date, a commune of Safi), then saved -----------
  await page.getByRole('navigation', { name: t.breadcrumbs }).getByRole('link', { name: t.assocTitle, exact: true }).click();
  await expect(page).toHaveURL(/\/associations$/);
  await list.actions.getByRole('link', { name: t.assocNew, exact: true }).click();
  await expect(page).toHaveURL(/\/associations\/new$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.assocNew);
  await expect(page).toHaveTitle(`${t.assocNew} · ${t.appName}`);
  await check(page, 'b04-association-form');

  const form = page.locator('main form[action="/associations"]');
  const field = (f: AssocFact) => form.getByLabel(t.assocFacts[f], { exact: true });
  const mine: Record<AssocFact, string> = {
    registration_number: `E2E/${run}/2019`,
    name_ar: `جمعية التواصل للتنمية ${run}`,
    name_fr: `Association Tawasoul pour le développement ${run}`,
    registration_date: yearsFromNow(1),
    commune: SAFI_CITY,
    address: 'Hay Al Massira, rue 12',
    phone: '05 24 31 12 00',
    email: `contact.${run}@tawasoul.ma`,
  };
  for (const [f, value] of Object.entries(mine)) await field(f as AssocFact).fill(value);
  const save = form.getByRole('button', { name: t.assocSave, exact: true });
  expect(await post(page, '/associations', save)).toBe(422);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.assocNew);
  await expect(form.getByRole('alert')).toHaveText(t.formHasErrors);
  await expect(form.getByRole('alert')).toBeFocused();
  await expect(form.locator('.field-error')).toHaveText([t.assocErrorDate, t.communeErrorScope]);
  await expect(field('registration_date')).toHaveAttribute('aria-invalid', 'true');
  await expect(field('registration_date')).toHaveAccessibleDescription(`${t.assocDateHint} ${t.assocErrorDate}`);
  await expect(field('commune')).toHaveAttribute('aria-invalid', 'true');
  await expect(field('commune')).toHaveAccessibleDescription(`${t.communeHint} ${t.communeErrorScope}`);
  for (const f of ['registration_number', 'name_ar', 'name_fr', 'address', 'phone', 'email'] as const) {
    await expect(field(f), f).not.toHaveAttribute('aria-invalid', /.*/);
  }
  // Everything typed is kept, the refused values too.
  for (const [f, value] of Object.entries(mine)) await expect(field(f as AssocFact), f).toHaveValue(value);
  await check(page, 'b05-association-form-errors');

  mine.registration_date = '2019-05-14';
  mine.commune = BEN_GUERIR;
  await field('registration_date').fill(mine.registration_date);
  await field('commune').fill(mine.commune);
  expect(await post(page, '/associations', save)).toBe(303);
  await expect(page).toHaveURL(/\/associations\/\d+\?saved=1$/);
  const id = Number(/\/associations\/(\d+)\?/.exec(page.url())![1]);
  const myName = lang === 'ar' ? mine.name_ar : mine.name_fr;
  await expect(page.getByRole('status')).toHaveText(t.assocSaved);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(myName);
  await expect(page).toHaveTitle(`${myName} · ${t.appName}`);
  for (const f of ['name_ar', 'name_fr', 'registration_number', 'address', 'phone', 'email'] as const) {
    await expect(rec.fact(f), f).toHaveText(mine[f]);
  }
  await expect(rec.fact('registration_date')).toHaveText(shown(mine.registration_date));
  await expect(rec.fact('commune')).toHaveText(`${BEN_GUERIR_NAME[lang]} ${BEN_GUERIR}`);
  await expect(rec.board.locator('p.empty')).toHaveText(t.assocBoardEmpty);
  await expect(rec.members).toHaveCount(0);
  await expect(page.locator('main > p.empty')).toHaveText(t.assocEstablishmentsEmpty);
  await check(page, 'b06-association-registered');

  // ---- its board: a president; a second one refused; a treasurer; the president removed --------
  const boardPath = `/associations/${id}/board`;
  const memberName = rec.boardForm.getByLabel(t.assocMemberName, { exact: true });
  const position = rec.boardForm.getByLabel(t.assocPosition, { exact: true });
  const addMember = rec.boardForm.getByRole('button', { name: t.assocAddMember, exact: true });
  const president = 'Amina Alaoui — أمينة العلوي';
  const second = 'Omar Fassi — عمر الفاسي';
  const since = '2019-06-01';
  await memberName.fill(president);
  await position.selectOption('president');
  await rec.boardForm.locator('#since').fill(since);
  expect(await post(page, boardPath, addMember)).toBe(303);
  await expect(page).toHaveURL(new RegExp(`/associations/${id}\\?saved=1#board$`));
  await expect(page.getByRole('status')).toHaveText(t.assocSaved);
  const presidentLine = `${president} — ${t.positions.president} (${t.assocSince(shown(since))}) ${t.assocRemove} ${t.assocRemoveConfirm} ${t.assocRemoveMember(president)}`;
  await expect(rec.members).toHaveText([presidentLine]);
  // The form is empty again.
  await expect(memberName).toHaveValue('');
  await expect(position).toHaveValue('');

  await memberName.fill(second);
  await position.selectOption('president');
  expect(await post(page, boardPath, addMember)).toBe(422);
  await expect(rec.boardForm.getByRole('alert')).toHaveText(t.formHasErrors);
  await expect(rec.boardForm.locator('.field-error')).toHaveText([t.assocPositionHeld]);
  await expect(position).toHaveAttribute('aria-invalid', 'true');
  await expect(position).toHaveAccessibleDescription(t.assocPositionHeld);
  await expect(memberName).toHaveValue(second);
  await expect(position).toHaveValue('president');
  await expect(memberName).not.toHaveAttribute('aria-invalid', /.*/);
  await expect(rec.members).toHaveText([presidentLine]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(myName);
  await check(page, 'b07-second-president-refused');

  // The typed name kept, another position: seated, listed after the president.
  await position.selectOption('treasurer');
  expect(await post(page, boardPath, addMember)).toBe(303);
  await expect(page.getByRole('status')).toHaveText(t.assocSaved);
  const treasurerLine = `${second} — ${t.positions.treasurer} ${t.assocRemove} ${t.assocRemoveConfirm} ${t.assocRemoveMember(second)}`;
  await expect(rec.members).toHaveText([presidentLine, treasurerLine]);

  // Removing the president: "remove" opens a confirmation named after the person.
  const remove = rec.members.getByRole('button', { name: t.assocRemoveMember(president), exact: true });
  await expect(remove).toBeHidden();
  await rec.members.filter({ hasText: president }).locator('details summary').click();
  await expect(remove).toBeVisible();
  const removePath = new URL((await remove.locator('xpath=ancestor::form').getAttribute('action'))!, page.url()).pathname;
  expect(removePath).toMatch(new RegExp(`^/associations/${id}/board/\\d+/delete$`));
  // Sent without ticking the confirmation: nothing removed, the error at the box.
  expect(await post(page, removePath, remove)).toBe(422);
  const presidentItem = rec.members.filter({ hasText: president });
  const confirmBox = presidentItem.getByRole('checkbox', { name: t.assocRemoveConfirm, exact: true });
  await expect(confirmBox).toBeVisible();
  await expect(confirmBox).toHaveAttribute('aria-invalid', 'true');
  await expect(confirmBox).toHaveAccessibleDescription(t.confirmRequired);
  await expect(rec.members).toHaveCount(2);
  await check(page, 'b08a-member-removal-unconfirmed');
  await confirmBox.check();
  expect(await post(page, removePath, remove)).toBe(303);
  await expect(page).toHaveURL(new RegExp(`/associations/${id}\\?saved=1#board$`));
  await expect(page.getByRole('status')).toHaveText(t.assocSaved);
  await expect(rec.members).toHaveText([treasurerLine]);
  await check(page, 'b08-member-removed');

  // In the registry: found by its number.
  await page.goto('/associations');
  await list.search(mine.registration_number);
  await expect(list.links).toHaveText([myName]);
  await expect(list.provinces).toHaveText([REHAMNA]);
  await check(page, 'b09-association-in-registry');
  await signOut(page, lang);

  // ---- officer.safi: another province, nothing of it -------------------------------------------
  await signIn(page, lang, 'officer.safi');
  const response = await page.goto(`/associations/${id}`);
  expect(response!.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page).toHaveTitle(`${t.notFound} · ${t.appName}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
  await expect(page.locator('main')).not.toContainText(myName);
  await check(page, 'b10-safi-association-not-found');
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.navAssociations, exact: true }).click();
  await expect(page).toHaveURL(/\/associations$/);
  await expect(list.rows.first()).toBeVisible();
  expect(new Set(await list.provinces.allTextContents())).toEqual(new Set([SAFI]));
  await expect(list.links.filter({ hasText: exactly(myName) })).toHaveCount(0);
  await check(page, 'b11-safi-associations');
  await list.search(mine.registration_number);
  await expect(list.count).toHaveText(t.assocCount(0));
  await expect(list.empty).toHaveText(t.emptyList);
  await expect(list.rows).toHaveCount(0);
  await check(page, 'b12-safi-search-nothing');
  await signOut(page, lang);
});

/** One association of an import file. */
interface Row {
  registration_number: string;
  name_ar: string;
  name_fr: string;
  registration_date: string;
  commune_code: string;
  address: string;
  phone: string;
  email: string;
}

/** A field of a CSV line: quoted when it holds a comma, a quote or a line break. */
const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV file of rows under the expected header. */
function csvFile(name: string, rows: Row[]) {
  const lines = [IMPORT_COLUMNS, ...rows.map((r) => IMPORT_COLUMNS.split(',').map((c) => csvField(r[c as keyof Row])).join(','))];
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n', 'utf8') };
}

test('import: a file with two refused lines imports nothing; corrected, it adds them all; again, nothing changes', async ({
  page,
  lang,
  t,
  check,
}, testInfo) => {
  test.setTimeout(90_000);
  const run = runTag(testInfo);
  const list = listPage(page, t);
  // Numbers and names this run's search finds, and no other run's ("IMP-ar-…" is no part of
  // "IMP-phone-ar-…").
  const prefix = `IMP-${run}`;
  const good: Row[] = REHAMNA_COMMUNES.map((commune, i) => ({
    registration_number: `${prefix}-${i + 1}`,
    name_ar: `جمعية الاستيراد ${i + 1} ${run}`,
    name_fr: `Association Import ${i + 1} ${run}`,
    registration_date: `201${i}-0${i + 2}-1${i}`,
    commune_code: commune,
    address: `Douar Lamhara ${i + 1}`,
    phone: `05 24 40 00 0${i}`,
    email: `import${i + 1}@example.ma`,
  }));
  // Line 3 (the second row): a date in the future. Line 5 (the fourth): a commune of Safi, and
  // an e-mail address that is not one.
  const bad = good.map((r) => ({ ...r }));
  bad[1].registration_date = yearsFromNow(1);
  bad[3].commune_code = SAFI_CITY;
  bad[3].email = 'import4-at-example.ma';

  await signIn(page, lang, 'officer.rehamna');
  await page.goto('/associations');
  await list.actions.getByRole('link', { name: t.assocImport, exact: true }).click();
  await expect(page).toHaveURL(/\/associations\/import$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.assocImport);
  await expect(page).toHaveTitle(`${t.assocImport} · ${t.appName}`);
  await expect(page.locator('main p.hint')).toHaveText(t.importColumns);
  await expect(page.locator('main pre')).toHaveText(IMPORT_COLUMNS);
  await check(page, 'b13-import');
  // On a phone the page fits the screen: the list of columns wraps.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(page.viewportSize()!.width + 1);

  const form = page.locator('main form[action="/associations/import"]');
  const upload = async (file: ReturnType<typeof csvFile>) => {
    await form.getByLabel(t.importFile, { exact: true }).setInputFiles(file);
    return post(page, '/associations/import', form.getByRole('button', { name: t.importSubmit, exact: true }));
  };

  // Two refused lines: nothing imported, each refused line with its column and reason.
  expect(await upload(csvFile(`associations-${run}-refused.csv`, bad))).toBe(422);
  await expect(page.getByRole('alert')).toHaveText(t.importNothing);
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('status')).toHaveCount(0);
  const table = page.locator('main .table-wrap table');
  await expect(table.locator('thead th')).toHaveText([t.importLine, t.importColumn, t.importReason]);
  const refused = table.locator('tbody tr');
  await expect(refused.locator('td:nth-child(1)')).toHaveText(['3', '5', '5']);
  await expect(refused.locator('td:nth-child(3)')).toHaveText([t.assocErrorDate, t.communeErrorScope, t.assocErrorEmail]);
  await expect(refused.nth(0).locator('td:nth-child(2)')).toHaveText('registration_date');
  await expect(refused.nth(2).locator('td:nth-child(2)')).toHaveText('email');
  // The file's own column name; the heading counts refused lines, not reasons.
  await expect(refused.nth(1).locator('td:nth-child(2)')).toHaveText('commune_code');
  await expect(page.locator('main h2')).toHaveText(t.importRefusedRows(2));
  await expect(page.locator('main .table-wrap')).toHaveAttribute('aria-label', (await page.locator('main h2').innerText()).trim());
  await check(page, 'b14-import-refused');

  // Nothing of the file is in the registry, not even its good rows.
  await page.goto('/associations');
  await list.search(prefix);
  await expect(list.count).toHaveText(t.assocCount(0));
  await expect(list.empty).toHaveText(t.emptyList);
  await check(page, 'b15-import-refused-nothing-imported');

  // Corrected: every row added.
  const corrected = csvFile(`associations-${run}.csv`, good);
  const report = page.getByRole('status');
  await list.actions.getByRole('link', { name: t.assocImport, exact: true }).click();
  await expect(page).toHaveURL(/\/associations\/import$/);
  expect(await upload(corrected)).toBe(200);
  await expect(report).toContainText(t.importDone);
  await expect(report.locator('li')).toHaveText([t.importInserted(4), t.importUpdated(0), t.importUnchanged(0)]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('main table')).toHaveCount(0);
  await check(page, 'b16-import-done');

  // The same file again: all unchanged.
  expect(await upload(corrected)).toBe(200);
  await expect(report.locator('li')).toHaveText([t.importInserted(0), t.importUpdated(0), t.importUnchanged(4)]);
  await check(page, 'b17-import-again-unchanged');

  // One row changed (its address, with a comma, so quoted): that one updated, the others
  // unchanged.
  const changed = good.map((r) => ({ ...r }));
  changed[0].address = 'Hay Al Qods, Ben Guerir';
  expect(await upload(csvFile(`associations-${run}-changed.csv`, changed))).toBe(200);
  await expect(report.locator('li')).toHaveText([t.importInserted(0), t.importUpdated(1), t.importUnchanged(3)]);
  await check(page, 'b18-import-one-updated');

  // In the registry: the four rows, in Rehamna.
  await page.goto('/associations');
  await list.search(prefix);
  await expect(list.count).toHaveText(t.assocCount(4));
  expect((await list.numbers.allInnerTexts()).map((s) => s.trim()).sort()).toEqual(good.map((r) => r.registration_number).sort());
  await expect(list.provinces).toHaveText(Array(4).fill(REHAMNA));
  await check(page, 'b19-imported-in-registry');
  await list.links.filter({ hasText: exactly(lang === 'ar' ? good[0].name_ar : good[0].name_fr) }).click();
  await expect(recordPage(page, t).fact('address')).toHaveText(changed[0].address);
  await expect(recordPage(page, t).fact('registration_number')).toHaveText(good[0].registration_number);
  await check(page, 'b20-imported-association');
  await signOut(page, lang);
});

// social.rehamna is the Arabic password test's own account (staff.spec.ts): while that test
// runs, the password is another one for a few seconds, and changing it ends the account's
// other sessions. A run of this test that meets it is signed out (or refused at sign-in) and
// is run again; it changes nothing, so a second run is the same test.
test.describe('roles', () => {
  test.describe.configure({ retries: 2 });

  test(
    'social worker: reads the list and a record, with no register, import or board forms; /associations/new answers 403',
    { tag: '@desktop' },
    async ({ page, lang, t, check }) => {
      const list = listPage(page, t);
      const rec = recordPage(page, t);
      await signIn(page, lang, 'social.rehamna');
      await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.navAssociations, exact: true }).click();
      await expect(page).toHaveURL(/\/associations$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.assocTitle);
      await expect(list.rows.first()).toBeVisible();
      expect(new Set(await list.provinces.allTextContents())).toEqual(new Set([REHAMNA]));
      await expect(list.actions).toHaveCount(0);
      await expect(page.locator('main').getByRole('link', { name: t.assocNew, exact: true })).toHaveCount(0);
      await expect(page.locator('main').getByRole('link', { name: t.assocImport, exact: true })).toHaveCount(0);
      await expect(page.locator('main a[href="/associations/new"], main a[href="/associations/import"]')).toHaveCount(0);
      await check(page, 'b30-social-associations');

      // A record: the facts and the board, but no way to change them.
      const first = list.links.first();
      const name = (await first.innerText()).trim();
      await first.click();
      await expect(page).toHaveURL(/\/associations\/\d+$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(rec.fact('registration_number')).not.toBeEmpty();
      await expect(rec.members.first()).toBeVisible();
      await expect(rec.members).toHaveText(Array(await rec.members.count()).fill(new RegExp(` — (${Object.values(t.positions).map(escape).join('|')})`)));
      await expect(rec.board.locator('form, button')).toHaveCount(0);
      await expect(rec.board.getByRole('heading', { name: t.assocAddMember, exact: true })).toHaveCount(0);
      await expect(page.locator('main').getByRole('link', { name: t.assocEdit, exact: true })).toHaveCount(0);
      await expect(page.locator('main form')).toHaveCount(0);
      await expect(rec.establishments.first()).toBeVisible();
      await check(page, 'b31-social-association');

      // The form and the import, typed in: refused, translated; still signed in.
      for (const [path, step] of [
        ['/associations/new', 'b32-social-new-forbidden'],
        ['/associations/import', 'b33-social-import-forbidden'],
      ]) {
        const response = await page.goto(path);
        expect(response!.status(), path).toBe(403);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page).toHaveTitle(`${t.forbidden} · ${t.appName}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.forbidden);
        await check(page, step);
      }
      await page.goto('/associations');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.assocTitle);
    },
  );
});
