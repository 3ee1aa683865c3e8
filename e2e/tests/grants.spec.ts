import { test, expect, signIn, signOut, type Lang } from './fixtures';

// Grants, the staff side: the programme owner makes a call (a grid whose weights do not add
// up to 100 is refused, what was typed kept) and publishes it; on the demo call "inclusion
// 2026" a committee member declares a conflict on one application (it disappears for them)
// and another member scores a second one far from the owner's score; the owner sees the
// spread, accepts below the request within the envelope, signs the convention, prints it in
// both languages and releases the first tranche (the second waits for its report). Each
// language works on its own demo applications (1 and 2 in Arabic, 4 and 3 in French).

interface Words {
  title: string;
  weights: string;
  open: string;
  conflict: string;
  accept: string;
  accepted: string;
  spread: string;
  condition: string;
  conflictApp: number;
  scoreApp: number;
  amount: string;
  reference: string;
}

const WORDS: Record<Lang, Words> = {
  ar: {
    title: 'دعم المبادرات المحلية — اختبار',
    weights: 'يجب أن يكون مجموع أوزان الشبكة 100.',
    open: 'مفتوح',
    conflict: 'التصريح بالتضارب',
    accept: 'مقبول',
    accepted: 'مقبول',
    spread: '47',
    condition: 'شرط هذا الشطر غير مستوفى.',
    conflictApp: 1,
    scoreApp: 2,
    amount: '200000',
    reference: 'OP-E2E-AR',
  },
  fr: {
    title: 'Soutien aux initiatives locales — essai',
    weights: 'Les poids de la grille doivent totaliser 100.',
    open: 'Ouvert',
    conflict: 'Déclarer le conflit',
    accept: 'Retenue',
    accepted: 'Retenue',
    spread: '37',
    condition: "La condition de cette tranche n'est pas remplie.",
    conflictApp: 4,
    scoreApp: 3,
    amount: '120000',
    reference: 'OP-E2E-FR',
  },
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('grants: a call made and published, conflict and scores, decision, convention and first tranche', async ({
  page,
  lang,
  t,
  check,
}) => {
  const w = WORDS[lang];

  // The programme owner makes a call: the grid adds up to 90, refused with what was typed.
  await signIn(page, lang, 'programme');
  await page.goto('/grants/calls/new');
  const form = page.locator('#call-form');
  await form.locator('#fund').fill('FAS');
  await form.locator('#title_ar').fill(`${w.title} ع`);
  await form.locator('#title_fr').fill(`${w.title} f`);
  await form.locator('#provinces').selectOption(['07.427']);
  await form.locator('#envelope').fill('400000');
  await form.locator('#max_per_project').fill('100000');
  await form.locator('#cofinancing_pct').fill('20');
  await form.locator('#opens_on').fill(day(0));
  await form.locator('#closes_on').fill(day(30));
  await form.locator('#decision_on').fill(day(60));
  await form.locator('input[name="grid.0.label_ar"]').fill('ملاءمة');
  await form.locator('input[name="grid.0.label_fr"]').fill('Pertinence');
  await form.locator('input[name="grid.0.weight"]').fill('60');
  await form.locator('input[name="grid.1.label_ar"]').fill('قدرة');
  await form.locator('input[name="grid.1.label_fr"]').fill('Capacité');
  await form.locator('input[name="grid.1.weight"]').fill('30');
  await form.locator('button[type="submit"]').click();
  await expect(page.locator('#criteria-error')).toHaveText(w.weights);
  await expect(page.locator('#title_fr')).toHaveValue(`${w.title} f`);
  await expect(page.locator('input[name="grid.1.weight"]')).toHaveValue('30');
  await check(page, 'grants-call-refused');
  await page.locator('input[name="grid.1.weight"]').fill('40');
  await page.locator('#call-form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/grants\/calls\/\d+$/);
  await page.locator('form[action$="/publish"] button').click();
  await expect(page.locator('#call-status')).toHaveText(w.open);
  await signOut(page, lang);

  // A committee member declares a conflict: the application is hidden from them.
  await signIn(page, lang, 'officer.rehamna');
  await page.goto(`/grants/applications/${w.conflictApp}`);
  const conflict = page.locator('#conflict-form');
  await conflict.getByRole('button', { name: w.conflict }).click();
  await expect(page.locator('#confirm-error')).toBeVisible();
  await page.locator('#conflict-form input[name="confirm"]').check();
  await page.locator('#conflict-form button').click();
  await expect(page).toHaveURL(/\/grants\/committee/);
  await expect(page.locator(`a[href="/grants/applications/${w.conflictApp}"]`)).toHaveCount(0);
  await expect(page.locator(`a[href="/grants/applications/${w.scoreApp}"]`)).toHaveCount(1);
  const hidden = await page.goto(`/grants/applications/${w.conflictApp}`);
  expect(hidden?.status()).toBe(404);
  await signOut(page, lang);

  // Another member scores a second application, far below the owner's score.
  await signIn(page, lang, 'coord.marrakech');
  await page.goto(`/grants/applications/${w.scoreApp}`);
  for (const key of ['relevance', 'capacity', 'impact']) {
    await page.locator(`#mark-${key}`).selectOption('4');
  }
  await page.locator('#comment').fill('Partenariats peu documentés.');
  await page.locator('#score-form button').click();
  await expect(page.locator('#my-total')).toContainText('40/100');
  await signOut(page, lang);

  // The owner sees the spread, accepts below the request, signs, prints, releases.
  await signIn(page, lang, 'programme');
  await page.goto(`/grants/applications/${w.scoreApp}`);
  await expect(page.locator('#spread')).toHaveText(w.spread);
  await expect(page.locator('#spread-alert')).toBeVisible();
  await check(page, 'grants-score-sheet');
  const decision = page.locator('#decision');
  await decision.getByLabel(w.accept, { exact: true }).check();
  await decision.locator('#amount').fill(w.amount);
  await decision.locator('button').click();
  await expect(page.locator('#application-status')).toHaveText(w.accepted);
  await page.locator('#signed_on').fill(day(0));
  await page.locator('#sign-form button').click();
  await expect(page.locator('#signed-on')).toBeVisible();

  await page.locator('#print-link').click();
  await expect(page.locator('#convention-ar')).toBeVisible();
  await expect(page.locator('#convention-fr')).toBeVisible();
  await expect(page.locator('#convention-ar')).toHaveAttribute('dir', 'rtl');
  await check(page, 'grants-convention');
  await page.goBack();

  await page.locator('#reference-1').fill(w.reference);
  await page.locator('#tranche-1 button').click();
  await expect(page.locator('#tranche-1')).toContainText(w.reference);
  // The second tranche waits for the interim report: refused with its reason.
  await page.locator('#reference-2').fill(`${w.reference}-2`);
  await page.locator('#tranche-2 button').click();
  await expect(page.locator('#tranche-2 .field-error')).toHaveText(w.condition);
  await expect(page.locator('#reference-2')).toHaveValue(`${w.reference}-2`);
  await expect(page.locator('html')).toHaveAttribute('dir', t.dir);
});
