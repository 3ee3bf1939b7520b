/// <reference lib="dom" />
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '@pendamping/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { TestApp, type Session } from './test-app';
import { testEnv } from './test-env';
import { workerDatabase } from './scratch-database';
import { wallClockEnv } from './wall-clock';

// Browser tests: the real built web app (dist/apps/web, from `npm run build`) served by the real api, a
// worker in this process on a database of its own, and Chromium driven by playwright-core. Chromium is
// the one inside the @sparticuz/chromium npm package (no download), or CHROMIUM_PATH's.

export const SCREENSHOTS = resolve('test-results/screenshots');
export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 860 };
const TOKEN_KEY = 'pendamping.token';

export async function launchBrowser(): Promise<Browser> {
  const own = process.env.CHROMIUM_PATH;
  const executablePath = own || (await sparticuz.executablePath());
  // --single-process: closing one page can take the whole browser down.
  const base = own ? ['--no-sandbox', '--headless=new'] : sparticuz.args.filter((a) => a !== '--single-process');
  const args = [
    ...base,
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  return chromium.launch({ executablePath, args, headless: true });
}

export interface WebStack {
  app: TestApp;
  browser: Browser;
  worker: TestingModule;
  baseUrl: string;
  close(): Promise<void>;
}

/** The api (serving the built app), a worker and a browser, on a database of the suite's own. */
export async function startWebStack(purpose: string, env: Record<string, string> = {}): Promise<WebStack> {
  // TEST_WEB_ROOT: a build of one's own (several people building at once would overwrite dist/).
  const webRoot = resolve(process.env.TEST_WEB_ROOT ?? 'dist/apps/web');
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error('The web app is not built: run `npm run build` (or `npm run build:web`) before the browser tests');
  const database = await workerDatabase(`web_${purpose}`);
  const full = { REDIS_PREFIX: `${testEnv().REDIS_PREFIX}-web-${purpose}`, DATABASE_URL: database.url, WEB_ROOT: webRoot, ...env };
  const app = await TestApp.start(full);
  const worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(loadConfig({ ...testEnv(), ...full }))] }).compile();
  await worker.init();
  const browser = await launchBrowser();
  return {
    app,
    browser,
    worker,
    baseUrl: app.baseUrl,
    async close() {
      await browser.close().catch(() => undefined);
      await worker.close();
      await app.close();
      await database.drop();
    },
  };
}

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen on this page. */
  errors: string[];
}

/** A browser context as a person's phone (360 px, Indonesian, WIB), optionally logged in. */
export async function openPhone(stack: WebStack, options: { session?: Session; viewport?: { width: number; height: number }; locale?: string; timezoneId?: string } = {}): Promise<Phone> {
  const context = await stack.browser.newContext({
    baseURL: stack.baseUrl,
    viewport: options.viewport ?? PHONE,
    locale: options.locale ?? 'id-ID',
    timezoneId: options.timezoneId ?? 'Asia/Jakarta',
    permissions: ['camera', 'microphone'],
  });
  if (options.session) await context.addInitScript(([key, token]) => localStorage.setItem(key, token), [TOKEN_KEY, options.session.token] as const);
  // Under a set wall clock (TEST_WALL_CLOCK), the page lives at the same moment as the api; time flows on.
  if (Number(Object.values(wallClockEnv())[0])) await context.clock.install({ time: Date.now() });
  // A step that cannot happen fails in 10 s, naming what it waited for, well inside the test's timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core in the page: serious and critical violations (WCAG 2 A/AA rules). */
export async function accessibilityProblems(page: Page): Promise<Violation[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

/** Wider than the screen: something makes a phone scroll sideways. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** A full-page screenshot into test-results/screenshots (not committed), named by screen and width. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const path = join(SCREENSHOTS, `${name}-${width}.png`);
  // The whole page in one viewport as tall as it is: a full-page capture would draw the fixed header and tab
  // bar where the viewport was (mid-image), not at the top and bottom where people see them.
  await page.evaluate(() => window.scrollTo(0, 0));
  const viewport = page.viewportSize();
  const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 8000);
  if (!viewport || height <= viewport.height) {
    await page.screenshot({ path });
    return path;
  }
  await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path });
  } finally {
    await page.setViewportSize(viewport);
  }
  return path;
}

/**
 * What every main screen must pass, at 360 px and at 1280 px: no horizontal overflow, no serious or
 * critical axe violation, no console error; and a screenshot at each width. A violation names its width.
 */
export async function checkScreen(phone: Phone, name: string): Promise<{ overflow: number; violations: Violation[]; errors: string[] }> {
  const { page } = phone;
  let overflow = 0;
  const violations: Violation[] = [];
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(100);
    await settled(page);
    overflow = Math.max(overflow, await horizontalOverflow(page));
    violations.push(...(await accessibilityProblems(page)).map((v) => ({ ...v, id: viewport === PHONE ? v.id : `${v.id} (at ${viewport.width} px)` })));
    await screenshot(page, name);
  }
  return { overflow, violations, errors: [...phone.errors] };
}

/** Waits for running CSS transitions and animations (a dialog fading in) so axe sees the final colours. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))));
}

/** Waits until an input shows a value: a select's label appears once its options have loaded. */
export async function valueOf(locator: Locator, expected: string, timeout = 10_000): Promise<string> {
  const until = Date.now() + timeout;
  let value = await locator.inputValue();
  while (value !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await locator.inputValue();
  }
  return value;
}

/** Logs in through the login form, as a person would. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}
