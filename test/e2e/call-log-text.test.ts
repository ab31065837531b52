import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebRapport, type WebRapport } from './support.js';

/** A logged phone call reads in the reader's language, built from the call record rather than the English log line. */
describe('call log in the reader\'s language', () => {
  let w: WebRapport;

  beforeAll(async () => {
    w = await startWebRapport();
  });
  afterAll(async () => w?.stop());

  it('shows an answered call from a known customer in Polish', async () => {
    const cookie = await w.r.login('tomasz@rapport.example');
    const api = w.r.as(cookie);
    const { body: token } = await api('POST', '/api/v1/auth/tokens', { name: 'phone system' });
    const send = (body: Record<string, unknown>) =>
      w.r.app.inject({ method: 'POST', url: '/api/v1/calls/events', payload: body, headers: { authorization: `Bearer ${token.token}` } });
    // Piotr Kowalski (demo contact, +48601234567) calls; Tomasz answers; 3 min 12 s.
    const call = { callId: 'pl-call-1', from: '+48 601 234 567', to: '+48 22 555 00 00' };
    await send({ event: 'ringing', ...call, at: '2026-11-20T09:00:00Z' });
    await send({ event: 'answered', ...call, at: '2026-11-20T09:00:08Z', agentEmail: 'tomasz@rapport.example' });
    const ended = await send({ event: 'ended', ...call, at: '2026-11-20T09:03:20Z' });
    const ticketId = ended.json().call.ticketId as string;
    expect(ticketId).toBeTruthy();
    const messages = await api('GET', `/api/v1/tickets/${ticketId}/messages`);
    expect(messages.body.items.some((m: any) => /^Phone call from/.test(m.bodyText))).toBe(true);

    await api('PATCH', '/api/v1/auth/me', { locale: 'pl' });
    const page = await w.newPage({ locale: 'pl-PL' });
    await page.goto(`/tickets/${ticketId}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await w.signIn(page, 'tomasz@rapport.example');
    const line = page.getByTestId('call-log-text').first();
    await line.waitFor();
    const shown = await line.textContent();
    expect(shown).toContain('Rozmowa telefoniczna z numeru');
    expect(shown).toMatch(/3\s*min/);
    expect(shown).not.toContain('Phone call from');
  });
});
