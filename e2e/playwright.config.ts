import path from 'node:path';
import { defineConfig } from '@playwright/test';
import type { JisrOptions } from './tests/fixtures';

// The server is started by run.sh, which passes its address here.
const baseURL = process.env.JISR_E2E_BASE_URL;
if (!baseURL) {
  throw new Error('JISR_E2E_BASE_URL is not set: run the suite with `bash e2e/run.sh` from the repository root');
}

// Everything the suite writes goes under the repository's target/ (ignored by git).
const outRoot = path.resolve(__dirname, '..', 'target', 'e2e');

// Debian's Chromium: Playwright never downloads a browser here.
const launchOptions = {
  executablePath: process.env.JISR_E2E_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
  ],
};

const desktop = { width: 1280, height: 800 };
const phone = { width: 360, height: 740 };
// On a phone: the journeys a citizen takes (the public journey and the e-services file, of
// which the tests tagged @desktop — the delegation's processing — are left out). The other
// pages used on a phone (filing a complaint, a manager's consultation answer) set a 360 px
// viewport in their own tests.
const PHONE_TESTS = /[\\/](journey|eservices)\.spec\.ts$/;
const DESKTOP_ONLY = /@desktop\b/;

export default defineConfig<JisrOptions>({
  testDir: './tests',
  outputDir: path.join(outRoot, 'test-results'),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: path.join(outRoot, 'results.json') }]],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions,
    // The app's CSP (script-src 'self') forbids the inline <script> that
    // page.addScriptTag creates for axe-core; csp.spec.ts checks the CSP
    // with this switched off again.
    bypassCSP: true,
    serviceWorkers: 'block',
    screenshotDir: outRoot,
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
  projects: [
    { name: 'ar', use: { jisrLang: 'ar', viewport: desktop } },
    { name: 'fr', use: { jisrLang: 'fr', viewport: desktop } },
    {
      name: 'phone-ar',
      testMatch: PHONE_TESTS,
      grepInvert: DESKTOP_ONLY,
      use: { jisrLang: 'ar', viewport: phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      name: 'phone-fr',
      testMatch: PHONE_TESTS,
      grepInvert: DESKTOP_ONLY,
      use: { jisrLang: 'fr', viewport: phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
});
