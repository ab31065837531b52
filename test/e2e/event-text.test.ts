import { IntlMessageFormat } from 'intl-messageformat';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebRapport, type WebRapport } from './support.js';

/**
 * System events on the conversation (here: a merge) are written by the server in English, for
 * API consumers; the web app renders them from their metadata in the reader's language, for the
 * agent and for the customer in the portal.
 */
const catalogue = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../src/web/i18n/events.${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;

/** The event line as the page shows it, without the direction isolates around names. */
async function eventLines(page: Page): Promise<string[]> {
  const texts = await page.getByTestId('timeline-event').allInnerTexts();
  return texts.map((t) => t.replace(/[\u2068\u2069]/g, ''));
}

describe('event messages in the reader’s language', () => {
  let w: WebRapport;
  let target: { id: string };
  let source: { id: string; number: number; subject: string };
  let englishBody: string;

  beforeAll(async () => {
    w = await startWebRapport();
    // Two tickets from one customer (Noa opens both in the portal), merged by an agent.
    const noa = w.r.as(await w.r.login('noa@galil-medical.example'));
    const first = await noa('POST', '/api/v1/tickets', { subject: 'MRI coil noise', body: 'The coil hums during scans.' });
    const second = await noa('POST', '/api/v1/tickets', { subject: 'Coil still humming', body: 'Same noise again today.' });
    expect([first.status, second.status]).toEqual([201, 201]);
    target = first.body;
    source = second.body;
    const agent = w.r.as(await w.r.login('tomasz@rapport.example'));
    const merged = await agent('POST', `/api/v1/tickets/${source.id}/merge`, { targetId: target.id });
    expect(merged.status).toBe(200);
    const messages = await agent('GET', `/api/v1/tickets/${target.id}/messages`);
    const event = (messages.body.items as { kind: string; bodyText: string; metadata: Record<string, unknown> }[]).find((m) => m.kind === 'event');
    // The API keeps the English record and carries what a translation needs.
    expect(event?.metadata).toMatchObject({ event: 'merged', sourceNumber: source.number, sourceSubject: source.subject });
    englishBody = event!.bodyText;
    expect(englishBody).toContain('was merged into this ticket');
    for (const email of ['tomasz@rapport.example', 'noa@galil-medical.example']) {
      const res = await w.r.as(await w.r.login(email))('PATCH', '/api/v1/auth/me', { locale: 'he' });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => w?.stop());

  const expected = (locale: string) =>
    String(new IntlMessageFormat(catalogue(locale)['event.merged']!, locale).format({ number: String(source.number), subject: source.subject }));

  it('shows the merge to the agent in Hebrew', async () => {
    const page = await w.newPage({ locale: 'he-IL' });
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto(`/tickets/${target.id}`);
    await page.getByTestId('timeline-event').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('he');
    const lines = await eventLines(page);
    expect(lines.some((l) => l.includes(expected('he')))).toBe(true);
    expect(lines.some((l) => l.includes(englishBody))).toBe(false);
  });

  it('shows the merge to the customer in the portal in Hebrew', async () => {
    const page = await w.newPage({ locale: 'he-IL' });
    await w.signIn(page, 'noa@galil-medical.example');
    await page.goto(`/portal/tickets/${target.id}`);
    await page.getByTestId('timeline-event').first().waitFor();
    const lines = await eventLines(page);
    expect(lines.some((l) => l.includes(expected('he')))).toBe(true);
    expect(lines.some((l) => l.includes(englishBody))).toBe(false);
  });
});
