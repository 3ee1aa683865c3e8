import type { Page } from '@playwright/test';
import {
  test,
  expect,
  signIn,
  signOut,
  DOSSIER_ITEMS,
  MANDATORY_ITEMS,
  type DossierItem,
  type Lang,
  type Strings,
} from './fixtures';

// The authorisation procedure of law 65.15, from a project to the public directory:
// the manager builds the dossier and files it (receipt), the provincial officer reviews it,
// asks once for a missing document, the manager answers, the officer authorises it, and the
// establishment appears in the public directory. An officer of another province sees none of it.
//
// The demo gives manager.demo establishment 1 (authorised) and four Rehamna projects, not yet
// filed. Each project of the run (ar, fr, phone-ar, phone-fr: they share one server and run in
// parallel) takes its own project, by rank of id among the manager's establishments other than
// establishment 1: a rank, not a position in the `project` filter, which shrinks as the other
// runs file theirs. A rerun on the same server finds its project filed already and fails: the
// suite runs on a fresh server (run.sh).
//
// Accounts: manager.demo and officer.rehamna sign in and out only; officer.safi only looks.
// The keyboard test uses coord.marrakech, on a project the journeys do not take, and changes
// nothing (both forms come back with an error).

const REHAMNA = '07.427';
const PICK: Record<string, number> = { fr: 0, ar: 1, 'phone-fr': 2, 'phone-ar': 3 };
const DECISION_DAYS = 60;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (s: string) => new RegExp(`^${escape(s)}$`);

/** A small file that starts like a PDF, which is what the server looks at. */
function pdf(name: string) {
  return {
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4\n% Jisr e2e: ${name}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`),
  };
}

/** A Windows program (it starts with "MZ") under a PDF's name and type: refused by its content. */
function program(name: string) {
  return {
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(256, 0)]),
  };
}

/** dd/mm/yyyy, as the pages write dates, `days` after today (UTC, as the server counts). */
function dayText(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** The page of one establishment: its parts the journey looks at. */
function establishmentPage(page: Page, t: Strings, id: number) {
  const dossier = page.locator('#dossier');
  const statusForm = page.locator(`main form[action="/establishments/${id}/status"]`);
  const uploadForm = page.locator(`main form[action="/establishments/${id}/documents"]`);
  return {
    // The status badge under the heading (checklist items have badges too).
    badge: page.locator('main > p > .badge[class*="status-"]'),
    dossier,
    item: (code: DossierItem) =>
      dossier.locator('ul.checklist > li').filter({ has: page.locator('.item-head strong', { hasText: exactly(t.checklist[code]) }) }),
    fact: (term: string) => dossier.locator('dl.facts > div').filter({ has: page.locator('dt', { hasText: exactly(term) }) }).locator('dd'),
    statusForm,
    uploadForm,
    timeline: page.locator('main ol.timeline li'),

    /** Fills the status form and sends it; answers the POST's status code. */
    async applyStatus(to: string, reason: string, requested: DossierItem[] = []): Promise<number> {
      await statusForm.locator('#to').selectOption(to);
      for (const code of requested) await statusForm.locator(`input[name="requested"][value="${code}"]`).check();
      await statusForm.locator('#reason').fill(reason);
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/establishments/${id}/status`,
        ),
        statusForm.getByRole('button', { name: t.applyStatus, exact: true }).click(),
      ]);
      return response.status();
    },

    /** Chooses files in the checklist form and sends them; answers the POST's status code. */
    async upload(files: Partial<Record<DossierItem, ReturnType<typeof pdf>>>): Promise<number> {
      for (const [code, file] of Object.entries(files)) {
        await uploadForm.locator(`input[name="file-${code}"]`).setInputFiles(file!);
      }
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/establishments/${id}/documents`,
        ),
        uploadForm.getByRole('button', { name: t.docAttach, exact: true }).click(),
      ]);
      return response.status();
    },
  };
}

test('authorisation: dossier → filing and receipt → review, one request for a document → authorised → directory; out of scope elsewhere', async ({
  page,
  lang,
  t,
  check,
}, testInfo) => {
  test.setTimeout(180_000);
  const est = (id: number) => establishmentPage(page, t, id);

  // ---- manager.demo: their establishments, then the projects ------------------------------
  await signIn(page, lang, 'manager.demo');
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.navEstablishments, exact: true }).click();
  await expect(page).toHaveURL(/\/establishments$/);
  const rows = page.locator('main table tbody tr');
  await expect(rows.first()).toBeVisible();
  const hrefs = await rows.locator('td:first-child a').evaluateAll((links) => links.map((a) => a.getAttribute('href') || ''));
  const ids = hrefs.map((h) => Number(/^\/establishments\/(\d+)$/.exec(h)?.[1]));
  expect(ids.every(Number.isInteger), `links ${hrefs.join(' ')}`).toBe(true);
  const projects = ids.filter((i) => i !== 1).sort((a, b) => a - b);
  const pick = PICK[testInfo.project.name];
  expect(projects.length, "manager.demo's projects").toBeGreaterThan(pick);
  const id = projects[pick];
  const name = (await rows.locator(`td:first-child a[href="/establishments/${id}"]`).innerText()).trim();

  // Searching by its name finds it (officer.safi's search below must not).
  await page.goto(`/establishments?q=${encodeURIComponent(name)}`);
  await expect(rows.locator('td:first-child a')).toHaveText([name]);
  await expect(page.locator('main p.count')).toHaveText(t.establishmentsCount(1));

  // The status filter: the picked one is still a project (a fresh server).
  await page.locator('#f-status').selectOption('project');
  await page.locator('main form.filters').getByRole('button', { name: t.filterSearch, exact: true }).click();
  await expect(page).toHaveURL(/\/establishments\?.*\bstatus=project\b/);
  await expect(rows.first()).toBeVisible();
  await expect(rows.locator('td:nth-child(5)')).toHaveText(Array(await rows.count()).fill(t.statusProject));
  const link = rows.locator(`td:first-child a[href="/establishments/${id}"]`);
  await expect(link, `establishment ${id} is no longer a project: run the suite on a fresh server`).toHaveCount(1);
  await expect(link).toHaveText(name);
  await check(page, 'a01-manager-projects');
  await link.click();

  const p = est(id);
  await expect(page).toHaveURL(new RegExp(`/establishments/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(p.badge).toHaveText(t.statusProject);
  const nameAr = (await page.locator('main > dl.facts dd[lang="ar"]').innerText()).trim();
  const nameFr = (await page.locator('main > dl.facts dd[lang="fr"]').innerText()).trim();
  // The checklist of the category: every item, none with a document yet, one file input each.
  await expect(p.dossier.locator('ul.checklist > li .item-head strong')).toHaveText(DOSSIER_ITEMS.map((c) => t.checklist[c]));
  await expect(p.dossier.locator('ul.checklist > li p.muted')).toHaveText(Array(DOSSIER_ITEMS.length).fill(t.docNone));
  for (const code of DOSSIER_ITEMS) await expect(p.uploadForm.locator(`input#file-${code}[type="file"]`)).toHaveCount(1);
  await check(page, 'a02-project');

  // Filing without the documents: refused, with the list of the mandatory ones missing.
  expect(await p.applyStatus('requested', t.fileReason)).toBe(422);
  const statusError = p.statusForm.getByRole('alert');
  await expect(statusError).toContainText(t.missingDocuments);
  await expect(statusError.locator('li')).toHaveText(MANDATORY_ITEMS.map((c) => t.checklist[c]));
  await expect(p.badge).toHaveText(t.statusProject);
  await expect(p.statusForm.locator('#to')).toHaveValue('requested');
  await expect(p.statusForm.locator('#reason')).toHaveValue(t.fileReason);
  await check(page, 'a03-filing-refused-missing-documents');

  // A batch with one program among the PDFs: all refused, the error at that file's field,
  // a summary above the checklist, nothing attached.
  expect(await p.upload({ application: pdf('application.pdf'), statutes: program('statutes.pdf') })).toBe(422);
  await expect(p.uploadForm.locator('#upload-error')).toHaveText(t.docErrorBatch);
  await expect(p.uploadForm.locator('#err-statutes')).toHaveText(t.docErrorType);
  const statutes = p.uploadForm.locator('#file-statutes');
  await expect(statutes).toHaveAttribute('aria-invalid', 'true');
  await expect(statutes).toHaveAccessibleDescription(t.docErrorType);
  await expect(p.uploadForm.locator('#file-application')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(p.dossier.locator('ul.checklist > li p.muted')).toHaveText(Array(DOSSIER_ITEMS.length).fill(t.docNone));
  await expect(p.dossier.locator('ul.documents a')).toHaveCount(0);
  // The error belongs to the upload form: the status form's reason is not marked invalid.
  await expect(p.statusForm.locator('#reason')).not.toHaveAttribute('aria-invalid', 'true');
  await check(page, 'a04-upload-refused');

  // The five mandatory documents: attached, with a confirmation.
  expect(await p.upload(Object.fromEntries(MANDATORY_ITEMS.map((c) => [c, pdf(`${c}.pdf`)])))).toBe(303);
  await expect(page).toHaveURL(new RegExp(`/establishments/${id}\\?attached=1#dossier$`));
  await expect(page.getByRole('status')).toHaveText(t.docAttached);
  await expect(page.getByRole('alert')).toHaveCount(0);
  for (const code of MANDATORY_ITEMS) {
    await expect(p.item(code).locator('ul.documents a')).toHaveText([`${code}.pdf`]);
  }
  for (const code of ['staff_list', 'budget'] as const) await expect(p.item(code).locator('p.muted')).toHaveText(t.docNone);
  await check(page, 'a05-documents-attached');
  const documentHref = (await p.item('application').locator('ul.documents a').getAttribute('href')) || '';
  expect(documentHref).toMatch(new RegExp(`^/establishments/${id}/documents/\\d+$`));

  // Filing: the request's receipt number, its deadline in 60 days, the link to the receipt.
  expect(await p.applyStatus('requested', t.fileReason)).toBe(303);
  await expect(page).toHaveURL(new RegExp(`/establishments/${id}\\?changed=1$`));
  await expect(page.getByRole('status')).toHaveText(t.statusChanged);
  await expect(p.badge).toHaveText(t.statusRequested);
  const receiptNumber = p.dossier.locator('dl.facts dd.code');
  const year = new Date().getUTCFullYear();
  await expect(receiptNumber).toHaveText(new RegExp(`^AUT-${year}-${REHAMNA.replace('.', '')}-\\d{6}$`));
  const receipt = (await receiptNumber.innerText()).trim();
  const due = dayText(DECISION_DAYS);
  await expect(p.dossier.locator('dl.facts dd', { has: page.locator('.deadline') })).toHaveText(`${due} — ${t.daysLeft(DECISION_DAYS)}`);
  await expect(p.timeline.last()).toContainText(t.fileReason);
  // Filed, the dossier takes no more documents.
  await expect(p.uploadForm).toHaveCount(0);
  await check(page, 'a06-filed');

  // The receipt, in the page's language.
  await p.dossier.getByRole('link', { name: t.receiptLink, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/establishments/${id}/receipt$`));
  await expect(page).toHaveTitle(`${t.receiptTitle} · ${t.appName}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.receiptTitle);
  const slip = page.locator('main article.receipt');
  await expect(slip.locator('dd.code')).toHaveText(receipt);
  await expect(slip.locator('dd[lang="ar"]')).toHaveText(nameAr);
  await expect(slip.locator('dd[lang="fr"]')).toHaveText(nameFr);
  await expect(slip.getByRole('heading', { level: 2 })).toHaveText(t.receiptDocuments);
  // Every document received, whatever the order. Product rough edge: the numbered list comes
  // in the reverse of the checklist's order (the premises first, the application last),
  // because the documents are read newest first; it is not asserted here.
  const received = (await slip.locator('ol li').allInnerTexts()).map((s) => s.trim());
  expect(received.sort()).toEqual(MANDATORY_ITEMS.map((c) => `${t.checklist[c]} — ${c}.pdf`).sort());
  await expect(slip.locator('.receipt-deadline')).toHaveText(t.receiptDeadline(due));
  await check(page, 'a07-receipt');
  await signOut(page, lang);

  // ---- officer.safi: another province, nothing of it ----------------------------------------
  await signIn(page, lang, 'officer.safi');
  for (const path of [`/establishments/${id}`, `/establishments/${id}/receipt`]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page).toHaveTitle(`${t.notFound} · ${t.appName}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
  }
  await check(page, 'a08-safi-receipt-not-found');
  // The document itself, asked for with the same session (a download, so not navigated to).
  const download = await page.request.get(documentHref);
  expect(download.status(), documentHref).toBe(404);
  await page.goto(`/establishments?q=${encodeURIComponent(name)}`);
  await expect(page.locator('main p.count')).toHaveText(t.establishmentsCount(0));
  await page.goto('/authorisations');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.queueTitle);
  await expect(page.locator('main')).not.toContainText(receipt);
  await expect(page.locator(`main a[href="/establishments/${id}"]`)).toHaveCount(0);
  await check(page, 'a09-safi-queue');
  await signOut(page, lang);

  // ---- officer.rehamna: the queue, review, one request for a document -----------------------
  await signIn(page, lang, 'officer.rehamna');
  const card = page.locator('main ul.cards li.card').filter({ has: page.getByRole('link', { name: t.queueTitle, exact: true }) });
  // "N waiting", and "— M overdue" when there are: the numbers move with the tests running
  // alongside, so any N and M, in the language's plural forms.
  const cardText = (await card.locator('p').innerText()).trim();
  const cardTexts = new Set<string>();
  for (let w = 0; w <= 200; w++) {
    cardTexts.add(t.queueCount(w));
    for (let o = 1; o <= w; o++) cardTexts.add(`${t.queueCount(w)} — ${t.queueOverdue(o)}`);
  }
  expect(cardTexts.has(cardText), `queue card says "${cardText}"`).toBe(true);
  await check(page, 'a10-officer-dashboard');
  await card.getByRole('link', { name: t.queueTitle, exact: true }).click();
  await expect(page).toHaveURL(/\/authorisations$/);
  await expect(page).toHaveTitle(`${t.queueTitle} · ${t.appName}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.queueTitle);
  const queue = page.locator('main table tbody tr');
  await expect(queue.first()).toBeVisible();
  // The count line matches the rows; the earliest deadline comes first, the overdue ones on top.
  const n = await queue.count();
  const overdue = await page.locator('main table tbody tr.overdue-row').count();
  await expect(page.locator('main p.count')).toHaveText(t.queueCount(n) + (overdue ? ` — ${t.queueOverdue(overdue)}` : ''));
  const dues = (await queue.locator('td:nth-child(2) .muted').allInnerTexts()).map((s) => {
    const m = /^(\d\d)\/(\d\d)\/(\d{4})/.exec(s.trim());
    return m ? `${m[3]}${m[2]}${m[1]}` : `bad date: ${s}`;
  });
  expect(dues, 'deadlines in order').toEqual([...dues].sort());
  const flags = await queue.evaluateAll((trs) => trs.map((tr) => tr.classList.contains('overdue-row')));
  expect(flags, 'overdue requests first').toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
  await expect(queue.locator('.overdue')).toHaveCount(overdue);
  const mine = queue.filter({ has: page.locator('td.code', { hasText: exactly(receipt) }) });
  await expect(mine).toHaveCount(1);
  await expect(mine.locator('td:nth-child(3)')).toHaveText(t.statusRequested);
  await expect(mine.locator('td:nth-child(2) .deadline')).toHaveText(t.daysLeft(DECISION_DAYS));
  await expect(mine.locator('td:nth-child(2) .muted')).toHaveText(due);
  await check(page, 'a11-queue');
  await mine.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/establishments/${id}$`));
  await expect(p.badge).toHaveText(t.statusRequested);

  expect(await p.applyStatus('under_review', t.reasonText)).toBe(303);
  await expect(page.getByRole('status')).toHaveText(t.statusChanged);
  await expect(p.badge).toHaveText(t.statusUnderReview);
  // Asking for the plan of the premises.
  expect(await p.applyStatus('documents_missing', t.askReason, ['premises'])).toBe(303);
  await expect(page.getByRole('status')).toHaveText(t.statusChanged);
  await expect(p.badge).toHaveText(t.statusDocumentsMissing);
  await expect(p.fact(t.documentsRequested)).toHaveText(`${t.checklist.premises} — ${t.askReason}`);
  await check(page, 'a12-documents-requested');
  await signOut(page, lang);

  // ---- manager.demo: the requested document, back to review ---------------------------------
  await signIn(page, lang, 'manager.demo');
  await page.goto(`/establishments/${id}`);
  await expect(p.badge).toHaveText(t.statusDocumentsMissing);
  const premises = p.item('premises');
  await expect(premises).toHaveClass(/\brequested\b/);
  await expect(premises.locator('.badge', { hasText: exactly(t.requestedBadge) })).toBeVisible();
  await expect(p.dossier.locator('ul.checklist > li.requested')).toHaveCount(1);
  await check(page, 'a13-manager-document-requested');

  // Back to review before sending it: refused, naming it.
  expect(await p.applyStatus('under_review', t.answerReason)).toBe(422);
  const stillRequested = p.statusForm.getByRole('alert');
  await expect(stillRequested).toContainText(t.stillRequested);
  await expect(stillRequested.locator('li')).toHaveText([t.checklist.premises]);
  await expect(p.badge).toHaveText(t.statusDocumentsMissing);
  await check(page, 'a14-review-refused-still-requested');

  expect(await p.upload({ premises: pdf('premises-plan.pdf') })).toBe(303);
  await expect(page.getByRole('status')).toHaveText(t.docAttached);
  // Newest first.
  await expect(premises.locator('ul.documents a')).toHaveText(['premises-plan.pdf', 'premises.pdf']);
  expect(await p.applyStatus('under_review', t.answerReason)).toBe(303);
  await expect(page.getByRole('status')).toHaveText(t.statusChanged);
  await expect(p.badge).toHaveText(t.statusUnderReview);
  await expect(p.dossier.locator('ul.checklist > li.requested')).toHaveCount(0);
  await check(page, 'a15-back-under-review');
  await signOut(page, lang);

  // ---- officer.rehamna: a second request refused, then the authorisation ---------------------
  await signIn(page, lang, 'officer.rehamna');
  await page.goto(`/establishments/${id}`);
  await expect(p.badge).toHaveText(t.statusUnderReview);
  expect(await p.applyStatus('documents_missing', t.askReason, ['premises'])).toBe(422);
  await expect(p.statusForm.getByRole('alert')).toHaveText(t.documentsOnce);
  await expect(p.badge).toHaveText(t.statusUnderReview);
  await check(page, 'a16-second-request-refused');

  expect(await p.applyStatus('authorised', t.authoriseReason)).toBe(303);
  await expect(page.getByRole('status')).toHaveText(t.statusChanged);
  await expect(p.badge).toHaveText(t.statusAuthorised);
  await expect(p.fact(t.decision)).toHaveText(`${t.statusAuthorised} — ${t.authoriseReason}`);
  // Decided: no deadline running any more.
  await expect(p.dossier.locator('.deadline, .overdue')).toHaveCount(0);
  await expect(p.timeline.last()).toContainText(t.authoriseReason);
  await check(page, 'a17-authorised');
  await signOut(page, lang);

  // ---- anyone: the public directory ----------------------------------------------------------
  await page.goto(`/directory?province=${REHAMNA}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.directoryHeading);
  await expect(page.locator('#f-province')).toHaveValue(REHAMNA);
  await expect(page.locator('main ul.cards li.card h2', { hasText: exactly(name) })).toHaveCount(1);
  await check(page, 'a18-directory');
});

test(
  'keyboard: the upload form and the status form are reached with Tab and sent with Enter',
  { tag: '@desktop' },
  async ({ page, lang, t, check }) => {
    await signIn(page, lang, 'coord.marrakech');
    // A project the journeys do not take: the manager's are the lowest ids of Rehamna.
    await page.goto('/establishments?status=project');
    const links = page.locator('main table tbody tr td:first-child a');
    await expect(links.first()).toBeVisible();
    const ids = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') || '')))
      .map((h) => Number(/^\/establishments\/(\d+)$/.exec(h)?.[1]))
      .sort((a, b) => b - a);
    const id = ids[0];
    await page.goto(`/establishments/${id}`);
    const p = establishmentPage(page, t, id);
    await expect(p.badge).toHaveText(t.statusProject);

    /** What has the focus: an id, or a form's button named by the form's action. */
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return 'body';
        if (a.id) return `#${a.id}`;
        const form = a.closest('form');
        if (a.tagName === 'BUTTON' && form) return `button@${form.getAttribute('action')}`;
        return a.tagName.toLowerCase();
      });
    /** Presses Tab until `target` has the focus; answers how many presses (fails after `max`). */
    const tabTo = async (target: string, max = 60) => {
      for (let i = 1; i <= max; i++) {
        await page.keyboard.press('Tab');
        if ((await focused()) === target) return i;
      }
      throw new Error(`${target} never got the focus in ${max} presses of Tab`);
    };
    const fromTop = async () => {
      await page.keyboard.press('Tab');
      await expect(page.locator('a.skip-link')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('main#main')).toBeFocused();
    };

    // The upload form: every file input in the checklist's order, then its button.
    await fromTop();
    await tabTo('#file-application');
    const order: string[] = [];
    for (let i = 1; i < DOSSIER_ITEMS.length + 1; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual([...DOSSIER_ITEMS.slice(1).map((c) => `#file-${c}`), `button@/establishments/${id}/documents`]);
    await expect(p.uploadForm.getByRole('button', { name: t.docAttach, exact: true })).toBeFocused();
    await check(page, 'a20-keyboard-upload-button');
    // Enter with no file chosen: the form comes back saying so; nothing attached.
    const [none] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/establishments/${id}/documents`),
      page.keyboard.press('Enter'),
    ]);
    expect(none.status()).toBe(422);
    await expect(p.uploadForm.locator('#upload-error')).toHaveText(t.docErrorNone);
    await expect(p.dossier.locator('ul.documents a')).toHaveCount(0);
    // The error takes the focus, so it is seen and read out where it is.
    await expect(p.uploadForm.locator('#upload-error')).toBeFocused();

    // The status form: the select (arrow keys choose), the reason typed, the button.
    await tabTo('#to');
    await page.keyboard.press('ArrowDown');
    await expect(p.statusForm.locator('#to')).toHaveValue('requested');
    await page.keyboard.press('Tab');
    await expect(p.statusForm.locator('#reason')).toBeFocused();
    await page.keyboard.type(t.fileReason);
    // The confirmation box (needed only to refuse, suspend, withdraw or close), then the button.
    await page.keyboard.press('Tab');
    await expect(p.statusForm.locator('#confirm')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(p.statusForm.getByRole('button', { name: t.applyStatus, exact: true })).toBeFocused();
    const [filing] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/establishments/${id}/status`),
      page.keyboard.press('Enter'),
    ]);
    // No documents: not filed, the missing ones listed; what was typed is kept.
    expect(filing.status()).toBe(422);
    await expect(p.statusForm.getByRole('alert')).toContainText(t.missingDocuments);
    await expect(p.statusForm.locator('#reason')).toHaveValue(t.fileReason);
    await expect(p.statusForm.locator('#status-error')).toBeFocused();
    await expect(p.badge).toHaveText(t.statusProject);
    await check(page, 'a21-keyboard-status-refused');
  },
);
