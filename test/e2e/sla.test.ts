import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findContactByEmail } from '../../src/customers/store.js';
import { findUserByEmail } from '../../src/users/store.js';
import { makeTicket } from '../support/factories.js';
import { startWebRapport, type WebRapport } from './support.js';

/**
 * SLA in the browser: the queue shows each ticket's SLA state and business time left (or over),
 * with breaches flagged; the ticket page shows the clocks, patience and the transfer dialog.
 *
 * Kessler Maschinenbau (demo) has a platinum 24x7 contract, so business time is wall-clock time
 * and the states below hold whatever day and hour the test runs: first response 60 minutes,
 * warning at 80 %.
 */
describe('SLA in the queue and on the ticket', () => {
  let w: WebRapport;
  const ids: Record<'fresh' | 'warning' | 'late', string> = { fresh: '', warning: '', late: '' };

  beforeAll(async () => {
    w = await startWebRapport();
    const db = w.r.ctx.db;
    const contact = (await findContactByEmail(db, 'k.weber@kessler-mb.example'))!;
    const tomasz = (await findUserByEmail(db, 'tomasz@rapport.example'))!;
    const make = async (subject: string, minutesAgo: number) =>
      (await makeTicket(w.r.ctx, { subject, priority: 'normal', contactId: contact.id, organisationId: contact.organisationId, assigneeId: tomasz.id, createdAt: new Date(Date.now() - minutesAgo * 60_000) })).id;
    ids.fresh = await make('Zebra-probe fresh coolant alarm', 5);
    ids.warning = await make('Zebra-probe spindle warning', 52);
    ids.late = await make('Zebra-probe hydraulic leak', 150);
  });
  afterAll(async () => w?.stop());

  it('shows SLA time left and a breach warning in the queue', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto('/views/all?q=Zebra-probe');
    await page.getByTestId('queue-table').waitFor();
    const cell = (id: string) => page.locator(`tr:has(a[href="/tickets/${id}"]) [data-testid=queue-sla]`);
    await cell(ids.late).waitFor();

    expect(await cell(ids.fresh).getAttribute('data-sla-state')).toBe('ok');
    expect(await cell(ids.fresh).textContent()).toMatch(/On track\s*5\d min left/);
    expect(await cell(ids.warning).getAttribute('data-sla-state')).toBe('warning');
    expect(await cell(ids.warning).textContent()).toMatch(/Due soon\s*\d min left/);
    expect(await cell(ids.late).getAttribute('data-sla-state')).toBe('breached');
    // 90 minutes over when created; allow the minutes that pass while the browser starts.
    expect(await cell(ids.late).textContent()).toMatch(/Breached\s*1 h 3\d min over/);
  });

  it('announces the breach once in the notification bell', async () => {
    // The SLA check jobs are due (the test server does not poll; run them as a node would).
    await w.r.ctx.jobs.runDue(200);
    await w.r.ctx.jobs.runDue(200);
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto('/views/mine');
    await page.getByTestId('notification-bell').click();
    const item = page.locator('[data-testid=notification-item][data-kind=sla_breach]', { hasText: 'Zebra-probe hydraulic leak' });
    await item.waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('First response target breached');
    await item.click();
    await page.waitForURL(new RegExp(`/tickets/${ids.late}$`));
  });

  it('shows the clocks, patience and a transfer with a drafted hand-off summary on the ticket', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto(`/tickets/${ids.late}`);
    const clock = page.getByTestId('sla-clock-first_response');
    await clock.waitFor();
    expect(await clock.getAttribute('data-sla-state')).toBe('breached');
    expect(await clock.textContent()).toMatch(/1 h 3\d min over/);
    await page.getByTestId('patience-level').waitFor();

    await page.getByTestId('transfer-open').click();
    await page.getByTestId('transfer-team').click();
    await page.getByRole('option', { name: 'APAC' }).click();
    const summary = page.getByTestId('transfer-summary');
    await expect.poll(async () => summary.inputValue(), { timeout: 15_000 }).toContain('Case: Zebra-probe hydraulic leak');
    await page.getByTestId('transfer-submit').click();
    await page.getByTestId('transfer-dialog').waitFor({ state: 'detached' });
    const ticket = await w.r.as(await w.r.login('tomasz@rapport.example'))('GET', `/api/v1/tickets/${ids.late}/handoffs`);
    expect(ticket.body.items).toHaveLength(1);
    expect(ticket.body.items[0].summary).toContain('They asked: "Something is broken."');
  });

  it('offers a follow-up promise only to who may make one: an agent, not a field engineer', async () => {
    // A field engineer may reply to the ticket but not promise an update (`promise.create`): the
    // button used to follow `reply` and the server answered 403. Now it follows the permission.
    const agent = await w.newPage();
    await w.signIn(agent, 'tomasz@rapport.example');
    await agent.goto(`/tickets/${ids.fresh}`);
    await agent.getByTestId('promises-panel').waitFor();
    await agent.getByTestId('promise-add').waitFor();

    const engineer = await w.newPage();
    await w.signIn(engineer, 'lars@rapport.example');
    await engineer.goto(`/tickets/${ids.fresh}`);
    await engineer.getByTestId('promises-panel').waitFor();
    await engineer.getByTestId('promise-none').or(engineer.getByTestId('promise-row').first()).waitFor();
    expect(await engineer.getByTestId('promise-add').count()).toBe(0);
    const lars = w.r.as(await w.r.login('lars@rapport.example'));
    const me = await lars('GET', '/api/v1/auth/me');
    expect(me.body.permissions.promise).toEqual({ read: true, create: false, cancel: false });
    expect(me.body.permissions.ticket.reply).toBe(true);
    expect((await lars('POST', `/api/v1/tickets/${ids.fresh}/promises`, { dueAt: new Date(Date.now() + 3_600_000).toISOString(), channel: 'phone' })).status).toBe(403);
  });

  it('shows the customer, in their language, when they will hear from us next', async () => {
    const db = w.r.ctx.db;
    const noa = (await findContactByEmail(db, 'noa@galil-medical.example'))!;
    const ticket = await makeTicket(w.r.ctx, { subject: 'Zebra-probe MR coil noise', contactId: noa.id, organisationId: noa.organisationId });
    const agent = w.r.as(await w.r.login('maya@rapport.example'));
    const dueAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
    expect((await agent('POST', `/api/v1/tickets/${ticket.id}/promises`, { dueAt, channel: 'whatsapp' })).status).toBe(201);

    const page = await w.newPage({ locale: 'he-IL', timezoneId: 'Asia/Jerusalem' });
    await w.signIn(page, 'noa@galil-medical.example');
    await page.goto(`/portal/tickets/${ticket.id}`);
    const due = page.getByTestId('portal-next-due');
    await due.waitFor();
    expect(await due.textContent()).toContain('נחזור אליך עד');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // The promise is on the record both sides read, in the reader's language (Hebrew here).
    const events = await page.getByTestId('timeline-event').allTextContents();
    expect(events).toEqual(expect.arrayContaining([expect.stringMatching(/עדכון מ.*Maya Ben-David.*יישלח עד.*WhatsApp/)]));
    expect(events.join(' ')).not.toContain('will update you by');
  });

  it('lets an admin create a calendar, try it in the due-time calculator and see the SLA policies', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'ada@rapport.example');
    await page.goto('/admin/calendars');
    await page.getByTestId('calendars-grid').waitFor();
    await page.getByTestId('calendar-create').click();
    const form = page.getByTestId('calendar-form');
    await form.getByLabel('Name').fill('Zebra night desk');
    await form.getByLabel('Open 24/7').check();
    await form.getByTestId('calendar-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('calendars-grid').getByText('Zebra night desk').waitFor();

    const calc = page.getByTestId('due-calculator');
    await calc.getByLabel('Calendar').click();
    await page.getByRole('option', { name: 'Zebra night desk' }).click();
    await calc.getByLabel('Business minutes').fill('90');
    await calc.getByRole('button', { name: 'Compute' }).click();
    await page.getByTestId('due-result').waitFor();
    expect(await page.getByTestId('due-result').textContent()).toMatch(/^Due /);

    await page.goto('/admin/sla-policies');
    await page.getByTestId('policies-table').waitFor();
    expect(await page.locator('[data-testid=policies-table] tbody tr').count()).toBeGreaterThanOrEqual(8);
    // The follow-the-sun rotation from the demo: each regional team on its shift calendar.
    await expect.poll(() => page.getByTestId('team-shifts').locator('input[value="EMEA shift (Berlin)"]').count(), { timeout: 10_000 }).toBe(1);
  });
});
