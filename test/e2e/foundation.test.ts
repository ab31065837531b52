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
      const open = await api(agentCookie)('GET', `/api/v1/tickets?status=new,open,pending,on_hold&sort=updated_desc&limit=50${view === 'mine' ? '&assigneeId=me' : ''}`);
      const ticket = (open.body.items as { id: string; channel: string }[]).find((t) => ['email', 'web', 'portal', 'phone'].includes(t.channel));
      expect(ticket, `an open ticket on a channel that needs no outside account in /views/${view}`).toBeDefined();
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
    // How many tickets exist depends on every capability's demo data, so ask the API first.
    let total = 0;
    let cursor: string | null = null;
    do {
      const res = await api(agentCookie)('GET', `/api/v1/tickets?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      total += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(total).toBeGreaterThan(50);

    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto('/views/all');
    await page.getByTestId('queue-table').waitFor();
    expect(await page.getByTestId('queue-ticket-link').count()).toBe(50);
    await page.getByTestId('load-more').click();
    const expected = Math.min(100, total);
    await expect.poll(() => page.getByTestId('queue-ticket-link').count()).toBe(expected);
    const links = await page.getByTestId('queue-ticket-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(links).size).toBe(expected);
    expect(await page.getByTestId('load-more').count()).toBe(total > 100 ? 1 : 0);
  });

  it('opens a ticket, replies to the customer and adds an internal note', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    const ticketId = await openTicketFrom(page, 'open', true);
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

  it('opens a new ticket for a contact, who brings their organisation and site along', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto('/tickets/new');
    await page.getByTestId('new-ticket-contact').click();
    await page.keyboard.type('Emily Carter');
    await page.getByRole('option', { name: /Emily Carter/ }).first().click();
    const subject = `Printer in radiology jams ${Date.now()}`;
    await page.getByTestId('new-ticket-subject').fill(subject);
    await page.getByTestId('new-ticket-body').fill('It jams on every second sheet since this morning.');
    await page.getByTestId('new-ticket-submit').click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('ticket-subject').innerText()).toContain(subject);

    const created = await api(agentCookie)('GET', `/api/v1/tickets/${page.url().split('/').pop()}`);
    expect(created.body).toMatchObject({ subject, channel: 'phone', contact: { name: 'Emily Carter' }, organisation: { name: 'Brightline Health Inc.' } });
    expect(created.body.siteId).not.toBeNull();
  });

  it('changes a ticket field from the side panel and the change reaches the server', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    const ticketId = await openTicketFrom(page, 'open');
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
