/**
 * Browser-test support: Rapport in-process on a free port (fresh in-memory PGlite, demo data
 * on), the built web app served by it, and Debian's Chromium driven by playwright-core.
 *
 *   const w = await startWebRapport();
 *   const page = await w.newPage();
 *   await w.signIn(page, 'tomasz@rapport.example');
 *   …
 *   await w.stop();
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestRapport, type TestRapport } from '../support/rapport.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const chromiumPath = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface WebRapport {
  /** Where the app listens, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The in-process server: `r.login`, `r.as(cookie)(…)` for API calls, `r.ctx` for the database. */
  r: TestRapport;
  browser: Browser;
  /** A page in a fresh browser context (own cookies and storage), with the given UI language. */
  newPage(options?: { locale?: string; timezoneId?: string; viewport?: { width: number; height: number } }): Promise<Page>;
  /** Signs in through the sign-in form (the current one if the app already redirected there) and waits until the app has left it. */
  signIn(page: Page, email: string, password?: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The app serves `dist/web` only if it exists when the server starts, so a missing build is
 * made first (`npm test` builds it anyway; this keeps a single test file runnable on its own).
 */
export function ensureWebBuild(): void {
  if (existsSync(join(repoRoot, 'dist/web/index.html')) && process.env.RAPPORT_E2E_REBUILD !== '1') return;
  execFileSync(join(repoRoot, 'node_modules/.bin/vite'), ['build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

/** Starts the app with demo data on a random free port and launches Chromium against it. */
export async function startWebRapport(options: { demo?: boolean } = {}): Promise<WebRapport> {
  ensureWebBuild();
  const r = await startTestRapport('pglite', { demo: options.demo ?? true });
  const contexts: BrowserContext[] = [];
  let browser: Browser | null = null;
  try {
    const url = await r.app.listen({ port: 0, host: '127.0.0.1' });
    // launch() gives Chromium a new temporary profile each time, removed on close: no cookies,
    // storage or cache leak from one run into the next.
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const launched = browser;
    return {
      url,
      r,
      browser: launched,
      async newPage({ locale = 'en-US', timezoneId = 'Europe/Warsaw', viewport = { width: 1440, height: 900 } } = {}) {
        const context = await launched.newContext({ baseURL: url, locale, timezoneId, viewport, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
        contexts.push(context);
        return context.newPage();
      },
      async signIn(page, email, password = 'demo1234') {
        // Stay on a sign-in page the app redirected to, so its `?next=` is kept.
        if (!page.url().startsWith(`${url}/sign-in`)) await page.goto('/sign-in');
        await page.locator('input[name=email]').fill(email);
        await page.locator('input[name=password]').fill(password);
        await page.locator('button[type=submit]').click();
        await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
      },
      async stop() {
        for (const context of contexts) await context.close().catch(() => {});
        await launched.close().catch(() => {});
        await r.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await r.stop();
    throw error;
  }
}
