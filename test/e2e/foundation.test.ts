import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebRapport, type WebRapport } from './support.js';

/**
 * The foundation's web app in a real browser against the real server and demo data: sign-in,
 * queues, a ticket's conversation, replies and notes, the Hebrew right-to-left layout, and the
 * portal's isolation between customer organisations.
 */
describe('web app (foundation)', () => {
  let w: WebRapport;
  let agentCookie: string;

  beforeAll(async () => {
    w = await startWebRapport();
    agentCookie = await w.r.login('tomasz@rapport.example');
  });
  afterAll(async () => w?.stop());

  const api = (cookie: string) => w.r.as(cookie);

  /**
   * Opens a ticket from a queue by clicking it. With `replyable`, picks one whose channel needs
   * no outside account (WhatsApp, Telegram and SMS refuse replies until they are connected).
   */
  async function openTicketFrom(page: Page, view: string, replyable = false): Promise<string> {
    await page.goto(`/views/${view}`);
    await page.getByTestId('queue-table').waitFor();
    let link = page.getByTestId('queue-ticket-link').first();
    if (replyable) {
      const mine = await api(agentCookie)('GET', '/api/v1/tickets?assigneeId=me&status=new,open,pending,on_hold&limit=50');
      const ticket = (mine.body.items as { id: string; channel: string }[]).find((t) => ['email', 'web', 'portal', 'phone'].includes(t.channel));
      link = page.locator(`a[href="/tickets/${ticket!.id}"]`);
    }
    await link.click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    await page.getByTestId('timeline').waitFor();
    return page.url().split('/').pop()!;
  }

  it('signs an agent in and shows their queue', async () => {
    const page = await w.newPage();
    await page.goto('/views/mine');
    await page.waitForURL(/\/sign-in\?next=/);
    await w.signIn(page, 'tomasz@rapport.example');
    expect(new URL(page.url()).pathname).toBe('/views/mine');
    await page.getByTestId('queue-table').waitFor();
    const rows = await page.getByTestId('queue-ticket-link').count();
    const mine = await api(agentCookie)('GET', '/api/v1/tickets?assigneeId=me&status=new,open,pending,on_hold&limit=50');
    expect(rows).toBe(mine.body.items.length);
    expect(rows).toBeGreaterThan(0);
  });

  it('refuses a wrong password with a message instead of signing in', async () => {
    const page = await w.newPage();
    await page.goto('/sign-in');
    await page.locator('input[name=email]').fill('tomasz@rapport.example');
    await page.locator('input[name=password]').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('sign-in-error').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('pages through every ticket with "load more"', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto('/views/all');
    await page.getByTestId('queue-table').waitFor();
    expect(await page.getByTestId('queue-ticket-link').count()).toBe(50);
    await page.getByTestId('load-more').click();
    await expect.poll(() => page.getByTestId('queue-ticket-link').count()).toBe(100);
    const numbers = await page.getByTestId('queue-ticket-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(numbers).size).toBe(100);
  });

  it('opens a ticket, replies to the customer and adds an internal note', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    const ticketId = await openTicketFrom(page, 'mine', true);
    const before = await page.getByTestId('timeline-message').count();

    const reply = `We are on it — reply ${Date.now()}`;
    await page.getByTestId('composer-text').fill(reply);
    await page.getByTestId('composer-send').click();
    await page.getByTestId('timeline-message').filter({ hasText: reply }).waitFor();
    expect(await page.getByTestId('timeline-message').count()).toBe(before + 1);
    await expect.poll(() => page.getByTestId('composer-text').inputValue()).toBe('');

    const note = `Checked the spare parts stock ${Date.now()}`;
    await page.keyboard.press('Escape');
    await page.getByTestId('composer-mode').getByText('Internal note').click();
    await page.getByTestId('composer-text').fill(note);
    await page.getByTestId('composer-text').press('Control+Enter');
    await page.getByTestId('timeline-note').filter({ hasText: note }).waitFor();

    const messages = await api(agentCookie)('GET', `/api/v1/tickets/${ticketId}/messages?limit=200`);
    const saved = messages.body.items as { kind: string; direction: string; bodyText: string }[];
    expect(saved.find((m) => m.bodyText === reply)).toMatchObject({ kind: 'message', direction: 'outbound' });
    expect(saved.find((m) => m.bodyText === note)).toMatchObject({ kind: 'note', direction: 'internal' });
  });

  it('changes a ticket field from the side panel and the change reaches the server', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    const ticketId = await openTicketFrom(page, 'mine');
    const current = await api(agentCookie)('GET', `/api/v1/tickets/${ticketId}`);
    const target = current.body.priority === 'urgent' ? 'low' : 'urgent';
    const label = target === 'urgent' ? 'Urgent' : 'Low';
    await page.getByTestId('field-priority').click();
    await page.getByRole('option', { name: label, exact: true }).click();
    await expect.poll(async () => (await api(agentCookie)('GET', `/api/v1/tickets/${ticketId}`)).body.priority).toBe(target);
  });

  it('switches to Hebrew: the whole page runs right-to-left and the choice is saved', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'lea@rapport.example');
    await openTicketFrom(page, 'open');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');

    await page.getByTestId('language-menu').click();
    await page.locator('[data-locale=he]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('he');
    // The navigation sits on the right in a right-to-left layout.
    const nav = await page.locator('nav').first().boundingBox();
    expect(nav!.x).toBeGreaterThan(1440 / 2);
    expect(await page.getByTestId('composer-send').innerText()).toBe('שליחה');

    const lea = await w.r.login('lea@rapport.example');
    await expect.poll(async () => (await api(lea)('GET', '/api/v1/auth/me')).body.user.locale).toBe('he');
    await page.reload();
    await page.getByTestId('timeline').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  });

  it("does not let a customer open another organisation's ticket", async () => {
    const admin = await w.r.login('ada@rapport.example');
    const orgs = await api(admin)('GET', '/api/v1/organisations?q=Galil&limit=5');
    const galil = orgs.body.items[0].id as string;
    const others = await api(admin)('GET', `/api/v1/tickets?organisationId=${galil}&limit=1`);
    const foreign = others.body.items[0].id as string;

    const page = await w.newPage();
    await w.signIn(page, 'yuki.tanaka@tanaka-seimitsu.example');
    expect(new URL(page.url()).pathname).toBe('/portal');
    await page.getByTestId('queue-table').waitFor();
    // No agent or admin navigation in the portal, and agent pages send customers back to it.
    expect(await page.locator('[data-nav=users]').count()).toBe(0);
    await page.goto('/admin/users');
    await page.waitForURL((u) => u.pathname === '/portal');

    await page.goto(`/portal/tickets/${foreign}`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('timeline').count()).toBe(0);

    // Their own organisation's ticket opens, and they can reply to it.
    await page.goto('/portal');
    await page.getByTestId('queue-ticket-link').first().click();
    await page.getByTestId('timeline').waitFor();
    const text = `Thank you, the machine runs again ${Date.now()}`;
    await page.getByTestId('portal-reply-text').fill(text);
    await page.getByTestId('portal-reply-send').click();
    await page.getByTestId('timeline-message').filter({ hasText: text }).waitFor();
  });
});
