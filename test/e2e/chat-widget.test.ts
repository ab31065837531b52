import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebRapport, type WebRapport } from './support.js';

/**
 * The chat widget in a real browser, embedded with its one script tag on a customer's page served
 * from another origin (as it would be on the customer's own website); the agent answers from the
 * ticket page, with the composer's channel picker on "chat", and the answer appears in the widget.
 */
describe('chat widget in the browser', () => {
  let w: WebRapport;
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    w = await startWebRapport({ demo: true });
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="pl"><head><title>Sklep</title></head><body>
        <h1>Sklep z drukarkami</h1>
        <script src="${w.url}/widget.js" data-widget="demo" async></script>
      </body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => site?.close(resolve));
    await w?.stop();
  });

  it('chats from a customer site, the agent answers from the ticket, and a reload keeps the conversation', async () => {
    const visitor = await w.newPage({ locale: 'pl-PL' });
    await visitor.goto(siteUrl);
    const launcher = visitor.locator('[data-rapport-chat] .launch');
    await expect.poll(() => launcher.textContent()).toBe('Porozmawiaj z nami');
    await launcher.click();
    await visitor.locator('[data-rapport-chat] input[name=name]').fill('Marta Zielińska');
    await visitor.locator('[data-rapport-chat] input[name=email]').fill('marta@klient.example');
    await visitor.locator('[data-rapport-chat] .pre button').click();
    const box = visitor.locator('[data-rapport-chat] textarea');
    await box.fill('Drukarka nie drukuje od rana.');
    await box.press('Enter');
    await expect.poll(() => visitor.locator('[data-rapport-chat] .msg.visitor').allTextContents()).toEqual(['TyDrukarka nie drukuje od rana.']);

    // The agent's side: the chat is a ticket like any other.
    const agentApi = w.r.as(await w.r.login('tomasz@rapport.example'));
    const found = await agentApi('GET', `/api/v1/tickets?q=${encodeURIComponent('Drukarka nie drukuje')}`);
    const ticket = found.body.items[0];
    expect(ticket).toMatchObject({ channel: 'chat', language: 'pl' });

    const agent = await w.newPage();
    await w.signIn(agent, 'tomasz@rapport.example');
    await agent.goto(`/tickets/${ticket.id}`);
    await expect.poll(() => agent.getByTestId('channel-picker').getAttribute('data-channel')).toBe('chat');
    // The side panel shows where this customer can be reached: the email they gave in the chat.
    await expect.poll(() => agent.getByTestId('channels-panel').textContent()).toContain('marta@klient.example');
    await agent.getByTestId('composer-text').fill('Dzień dobry, proszę sprawdzić, czy jest papier.');
    await agent.getByTestId('composer-send').click();
    await expect.poll(async () => (await agentApi('GET', `/api/v1/tickets/${ticket.id}/messages`)).body.items.length).toBe(2);
    // Demo data leaves a backlog of due jobs (SLA checks …): run them all, the delivery among them.
    while ((await w.r.ctx.jobs.runDue(100)) > 0);

    await expect
      .poll(() => visitor.locator('[data-rapport-chat] .msg.agent').allTextContents())
      .toEqual([expect.stringContaining('Dzień dobry, proszę sprawdzić, czy jest papier.')]);

    await visitor.reload();
    await visitor.locator('[data-rapport-chat] .launch').click();
    await expect
      .poll(() => visitor.locator('[data-rapport-chat] .msg').allTextContents())
      .toEqual(['TyDrukarka nie drukuje od rana.', expect.stringContaining('proszę sprawdzić, czy jest papier.')]);
  });

  it('pops an incoming call on the agent’s screen with the caller’s country', async () => {
    const cookie = await w.r.login('tomasz@rapport.example');
    const token = (await w.r.as(cookie)('POST', '/api/v1/auth/tokens', { name: 'PBX' })).body.token;
    const agent = await w.newPage();
    await w.signIn(agent, 'tomasz@rapport.example');
    await agent.goto('/views/mine');
    await agent.getByTestId('call-indicator').waitFor();
    // The realtime socket connects right after the shell renders; keep ringing until it pops.
    await expect
      .poll(async () => {
        await w.r.app.inject({
          method: 'POST',
          url: '/api/v1/calls/events',
          headers: { authorization: `Bearer ${token}` },
          payload: { event: 'ringing', callId: 'e2e-call-1', from: '+81 3-1234-5678', to: '+49 30 9999999' },
        });
        return agent.getByTestId('call-pop').count();
      }, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => agent.getByTestId('call-unknown').textContent()).toContain('Japan');
    expect(await agent.getByTestId('call-number').textContent()).toContain('+81 3 1234 5678');
    await w.r.app.inject({
      method: 'POST',
      url: '/api/v1/calls/events',
      headers: { authorization: `Bearer ${token}` },
      payload: { event: 'ended', callId: 'e2e-call-1', from: '+81 3-1234-5678', to: '+49 30 9999999' },
    });
    await expect.poll(() => agent.getByTestId('call-pop').count()).toBe(0);
  });
});
