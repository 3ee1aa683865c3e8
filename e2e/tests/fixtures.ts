import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

export type Lang = 'ar' | 'fr';

/** What the pages say in each language the suite walks through. */
export interface Strings {
  dir: 'rtl' | 'ltr';
  switchLabel: string; // the language switch link's own text
  skipLink: string;
  mainNav: string; // aria-label of the main navigation
  breadcrumbs: string; // aria-label of the breadcrumbs
  homeHeading: string;
  navTerritories: string;
  territoriesHeading: string;
  region: string; // Marrakech-Safi
  regionHeading: string;
  province: string; // Rehamna
  communesHeading: string;
  communesCount: string;
  notFound: string;
  appName: string;
  apiHeading: string;
  unitsHeading: string;
}

export const STRINGS: Record<Lang, Strings> = {
  ar: {
    dir: 'rtl',
    switchLabel: 'العربية',
    skipLink: 'انتقل إلى المحتوى',
    mainNav: 'التصفح الرئيسي',
    breadcrumbs: 'مسار التصفح',
    homeHeading: 'خدمات اجتماعية أقرب إلى المواطن',
    navTerritories: 'التقسيم الترابي',
    territoriesHeading: 'التقسيم الترابي',
    region: 'مراكش-آسفي',
    regionHeading: 'عمالات وأقاليم جهة مراكش-آسفي',
    province: 'الرحامنة',
    communesHeading: 'جماعات الرحامنة',
    communesCount: '25 جماعة',
    notFound: 'الصفحة غير موجودة',
    appName: 'جسر',
    apiHeading: 'واجهة البرمجة (API)',
    unitsHeading: 'وحدات التعاون الوطني',
  },
  fr: {
    dir: 'ltr',
    switchLabel: 'Français',
    skipLink: 'Aller au contenu',
    mainNav: 'Navigation principale',
    breadcrumbs: "Fil d'Ariane",
    homeHeading: 'Des services sociaux plus proches des citoyens',
    navTerritories: 'Découpage territorial',
    territoriesHeading: 'Découpage territorial',
    region: 'Marrakech-Safi',
    regionHeading: 'Préfectures et provinces de la région Marrakech-Safi',
    province: 'Rehamna',
    communesHeading: 'Communes de Rehamna',
    communesCount: '25 communes',
    notFound: 'Page introuvable',
    appName: 'Jisr',
    apiHeading: 'API',
    unitsHeading: "Unités de l'Entraide Nationale",
  },
};

export const otherLang = (lang: Lang): Lang => (lang === 'ar' ? 'fr' : 'ar');

export interface JisrOptions {
  jisrLang: Lang;
  screenshotDir: string;
}

interface JisrFixtures {
  lang: Lang;
  t: Strings;
  /** Every URL the browser context asked for during the test. */
  requests: string[];
  /** Runs axe-core on the page, then saves a full-page screenshot. */
  check: (page: Page, step: string) => Promise<void>;
}

const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const test = base.extend<JisrOptions & JisrFixtures>({
  jisrLang: ['ar', { option: true }],
  screenshotDir: ['', { option: true }],

  lang: async ({ jisrLang }, use) => use(jisrLang),
  t: async ({ jisrLang }, use) => use(STRINGS[jisrLang]),

  // Auto fixture: records every request of the test's context and, once the
  // test is done, asserts that none of them left the app's own origin.
  requests: [
    async ({ context, baseURL }, use) => {
      const urls: string[] = [];
      context.on('request', (req) => urls.push(req.url()));
      await use(urls);
      const origin = new URL(baseURL!).origin + '/';
      const external = urls.filter((u) => !u.startsWith(origin));
      expect(external, `requests outside ${origin}`).toEqual([]);
    },
    { auto: true },
  ],

  check: async ({ screenshotDir }, use, testInfo) => {
    await use(async (page, step) => {
      await axeCheck(page, step, testInfo);
      if (screenshotDir) {
        fs.mkdirSync(screenshotDir, { recursive: true });
        const file = path.join(screenshotDir, `${testInfo.project.name}-${step}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
    });
  },
});

export { expect };

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

function describe(v: AxeViolation): string {
  const nodes = v.nodes
    .slice(0, 10)
    .map((n) => `    - ${JSON.stringify(n.target)}: ${n.html}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`)
    .join('\n');
  const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
  return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
}

/** Injects axe-core, runs it on the whole document, fails on serious or critical violations. */
export async function axeCheck(page: Page, step: string, testInfo: TestInfo): Promise<void> {
  const present = await page.evaluate(() => typeof (window as any).axe !== 'undefined');
  if (!present) await page.addScriptTag({ path: AXE_PATH });
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n: any) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
  const where = `${testInfo.project.name} ${step} (${page.url()})`;
  const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length) {
    console.log(`axe: ${minor.length} moderate/minor violation(s) on ${where}:\n${minor.map(describe).join('\n')}`);
  }
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const text = serious.map(describe).join('\n');
    console.log(`axe: serious/critical violations on ${where}:\n${text}`);
    // Soft, so that one run reports every page's violations, not only the first.
    expect.soft(serious.map((v) => v.id), `axe serious/critical violations on ${where}:\n${text}`).toEqual([]);
  }
}

/** Opens the home page, then picks the language with the header's switch (a real click). */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  const t = STRINGS[lang];
  const link = page.locator('nav.lang-switch a', { hasText: t.switchLabel });
  await expect(link).toHaveAttribute('href', new RegExp(`^/lang/${lang}\\?next=`));
  await link.click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(link).toHaveAttribute('aria-current', 'true');
}
