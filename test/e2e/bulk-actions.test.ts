import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebRapport, type WebRapport } from './support.js';

/**
 * Bulk changes from the queue in a real browser: ticking rows (one by one, a shift-click range,
 * the whole loaded page), the floating bar, the confirmation with the count, the toast, and
 * the change checked on the server.
 */
describe('bulk actions in the queue', () => {
  let w: WebRapport;
  let agentCookie: string;

  beforeAll(async () => {
    w = await startWebRapport();
    agentCookie = await w.r.login('tomasz@rapport.example');
  });
  afterAll(async () => w?.stop());

  const api = () => w.r.as(agentCookie);

  async function openQueue(page: Page, path: string): Promise<string[]> {
    await page.goto(path);
    await page.getByTestId('queue-table').waitFor();
    // The ids in the order the rows show them.
    return page.getByTestId('queue-ticket-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/').pop()!));
  }

  it('ticks two tickets, sets them pending after confirming the count, and the server has it', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    const ids = await openQueue(page, '/views/all?status=new,open');
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const boxes = page.getByTestId('queue-select');

    // A shift-click ticks the range from the last box clicked; unticking the middle leaves two.
    await boxes.nth(0).click();
    await boxes.nth(2).click({ modifiers: ['Shift'] });
    expect(await page.getByTestId('bulk-count').textContent()).toBe('3 selected');
    await boxes.nth(1).click();
    expect(await page.getByTestId('bulk-count').textContent()).toBe('2 selected');
    expect(await boxes.nth(1).isChecked()).toBe(false);
    // Clicking the box must not open the ticket.
    expect(new URL(page.url()).pathname).toBe('/views/all');
    const chosen = [ids[0]!, ids[2]!];
    const untouchedBefore = (await api()('GET', `/api/v1/tickets/${ids[1]}`)).body.status;

    await page.getByTestId('bulk-status').click();
    await page.getByTestId('bulk-status-pending').click();
    await page.getByTestId('bulk-confirm-count').waitFor();
    expect(await page.getByTestId('bulk-confirm-count').textContent()).toContain('This changes 2 tickets.');
    await page.getByTestId('bulk-apply').click();
    await page.getByText('2 tickets changed').waitFor();
    await page.screenshot({ path: '/tmp/rapport-bulk-done.png' });
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });

    for (const id of chosen) {
      const ticket = (await api()('GET', `/api/v1/tickets/${id}`)).body;
      expect(ticket.status).toBe('pending');
      const audit = (await api()('GET', `/api/v1/tickets/${id}/audit`)).body.items;
      expect(audit.at(-1)).toMatchObject({ action: 'update', changes: { status: { to: 'pending' } } });
    }
    expect((await api()('GET', `/api/v1/tickets/${ids[1]}`)).body.status).toBe(untouchedBefore);
    // The queue shows only new and open tickets, so the two changed ones leave it.
    await expect.poll(async () => page.locator(`a[href="/tickets/${chosen[0]}"]`).count()).toBe(0);
  });

  it('selects the whole loaded page, adds a tag to all of it, and clears the selection', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    const ids = await openQueue(page, '/views/open');
    expect(ids.length).toBeGreaterThan(1);
    await page.getByTestId('queue-select-all').click();
    expect(await page.getByTestId('bulk-count').textContent()).toBe(`${ids.length} selected`);
    await page.getByTestId('bulk-tag').click();
    await page.getByTestId('bulk-tag-input').fill('bulk-tagged');
    await page.getByTestId('bulk-apply').click();
    await page.getByText(`${ids.length} tickets changed`).waitFor();
    const tagged = await api()('GET', '/api/v1/tickets?tag=bulk-tagged&limit=100');
    expect(tagged.body.items.map((t: { id: string }) => t.id).sort()).toEqual([...ids].sort());

    await page.getByTestId('queue-select-all').click();
    await page.getByTestId('bulk-bar').waitFor();
    await page.getByTestId('bulk-clear').click();
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
    expect(await page.getByTestId('queue-select').evaluateAll((boxes) => boxes.filter((b) => (b as HTMLInputElement).checked).length)).toBe(0);
  });

  it('reports the tickets the server refused and keeps them ticked for another try', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    const ids = await openQueue(page, '/views/all?status=open,new');
    const shown = await Promise.all(ids.map(async (id) => (await api()('GET', `/api/v1/tickets/${id}`)).body));
    const me = (await api()('GET', '/api/v1/auth/me')).body.user.id;
    const owned = shown.findIndex((t) => t.assigneeId && t.assigneeId !== me);
    const free = shown.findIndex((t) => !t.assigneeId);
    expect(owned, 'a ticket someone else owns').toBeGreaterThanOrEqual(0);
    expect(free, 'an unassigned ticket').toBeGreaterThanOrEqual(0);
    await page.getByTestId('queue-select').nth(owned).click();
    await page.getByTestId('queue-select').nth(free).click();
    await page.getByTestId('bulk-assign').click();
    // "Me" is the assignee offered first.
    expect(await page.getByTestId('bulk-assignee').inputValue()).toContain('Tomasz Nowak');
    await page.getByTestId('bulk-apply').click();
    await page.getByText('1 changed, 1 not changed').waitFor();
    await page.getByText(`#${shown[owned].number}: Ticket #${shown[owned].number} has an owner`).waitFor();
    await page.screenshot({ path: '/tmp/rapport-bulk-partial.png' });
    expect(await page.getByTestId('bulk-count').textContent()).toBe('1 selected');
    expect((await api()('GET', `/api/v1/tickets/${shown[free].id}`)).body.assigneeId).toBe(me);
    expect((await api()('GET', `/api/v1/tickets/${shown[owned].id}`)).body.assigneeId).toBe(shown[owned].assigneeId);
  });

  it('reads right-to-left in Hebrew with the bar translated', async () => {
    const page = await w.newPage({ locale: 'he-IL' });
    await w.signIn(page, 'tomasz@rapport.example');
    await openQueue(page, '/views/all');
    await page.getByTestId('queue-select').nth(0).click();
    expect(await page.getByTestId('bulk-count').textContent()).toBe('פנייה אחת נבחרה');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.screenshot({ path: '/tmp/rapport-bulk-he.png' });
  });
});
