import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebRapport, type WebRapport } from './support.js';

/**
 * What the browser downloads, page by page: the sign-in page and the queue must not pull in
 * code they do not run (the agent frame, ECharts, other languages' messages), and the entry
 * chunk stays within a budget, so one eager import of something heavy fails here.
 */
// Bytes of minified (not gzipped) JavaScript in the entry chunk: the app's own start-up code. The
// framework (React, router, query, intl) is a chunk of its own, cached across releases.
const entryBudget = 250_000;

interface Loaded {
  path: string;
  size: number;
}

function recordScripts(page: Page): Loaded[] {
  const loaded: Loaded[] = [];
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.endsWith('.js')) return;
    const body = await response.body().catch(() => null);
    loaded.push({ path, size: body?.length ?? 0 });
  });
  return loaded;
}

const named = (loaded: Loaded[], prefix: string) => loaded.filter((f) => f.path.startsWith(`/assets/${prefix}-`));

describe('web app bundles', () => {
  let w: WebRapport;

  beforeAll(async () => {
    w = await startWebRapport();
  });
  afterAll(async () => w?.stop());

  it('the sign-in page loads the entry, English messages and its own code — no agent frame, charts or other languages', async () => {
    const page = await w.newPage();
    const loaded = recordScripts(page);
    await page.goto('/sign-in');
    await page.locator('input[name=email]').waitFor();
    await page.waitForLoadState('networkidle');
    const entry = named(loaded, 'index');
    expect(entry).toHaveLength(1);
    expect(entry[0]!.size).toBeLessThan(entryBudget);
    expect(named(loaded, 'messages-en')).toHaveLength(1);
    expect(named(loaded, 'sign-in-page')).toHaveLength(1);
    for (const absent of ['agent-shell', 'portal-shell', 'queue-page', 'ticket-page', 'echarts-runtime', 'messages-he', 'messages-pl']) {
      expect(named(loaded, absent), absent).toHaveLength(0);
    }
  });

  it('the queue loads the agent frame and its page, still no charts; Hebrew messages come when chosen', async () => {
    const signIn = await w.newPage();
    await w.signIn(signIn, 'tomasz@rapport.example');
    // A fresh browser context with the session cookie: a cold load, nothing in its cache.
    const page = await w.newPage();
    await page.context().addCookies(await signIn.context().cookies());
    const loaded = recordScripts(page);
    await page.goto('/views/mine');
    await page.getByTestId('queue-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(named(loaded, 'agent-shell')).toHaveLength(1);
    expect(named(loaded, 'queue-page')).toHaveLength(1);
    expect(named(loaded, 'echarts-runtime')).toHaveLength(0);
    expect(named(loaded, 'messages-he')).toHaveLength(0);

    await page.getByTestId('language-menu').click();
    await page.locator('[data-locale=he]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(named(loaded, 'messages-he')).toHaveLength(1);
    expect(await page.getByTestId('new-ticket').innerText()).toBe('פנייה חדשה');
  });

  it('a page with a chart shows its content first and fetches ECharts for the chart', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'maya@rapport.example');
    const loaded = recordScripts(page);
    await page.goto('/cultures?compare=DE,JP');
    await page.getByTestId('culture-table').waitFor();
    await page.getByTestId('dimension-chart-radar').locator('svg').waitFor();
    expect(named(loaded, 'echarts-runtime')).toHaveLength(1);
    // The page's own code is small: the chart library is not part of it.
    expect(named(loaded, 'cultures-page')[0]!.size).toBeLessThan(50_000);
  });
});
