import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketHooks, type TicketChange } from '../../src/tickets/hooks.js';
import { makeContact, makeOrganisation, makeTeam, makeUser } from '../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

// Every ticket change of the app passes here: the bulk change must go through the same
// hooks as a single one (SLA clocks, patience), not around them.
const hookCalls: TicketChange[] = [];

const missingId = '01900000-0000-7000-8000-00000000beef';

describe.each(databaseKinds)('bulk ticket changes on %s', (kind) => {
  let r: TestRapport;
  let agent: ReturnType<TestRapport['as']>;
  let agentId: string;
  let otherAgentId: string;
  let teamId: string;
  let organisationId: string;
  let contactId: string;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    r.ctx.registry.add(ticketHooks, 'test-bulk-recorder', async (_tx, change) => {
      hookCalls.push(change);
    });
    organisationId = (await makeOrganisation(r.ctx.db, { name: 'Bulk Org' })).id;
    contactId = (await makeContact(r.ctx.db, { organisationId })).id;
    teamId = (await makeTeam(r.ctx.db, { name: 'Bulk team' })).id;
    agentId = (await makeUser(r.ctx.db, 'agent', { email: 'bulk-agent@staff.example' })).id;
    otherAgentId = (await makeUser(r.ctx.db, 'agent')).id;
    await makeUser(r.ctx.db, 'customer', { email: 'bulk-customer@customer.example', organisationId, contactId });
    await makeUser(r.ctx.db, 'sales', { email: 'bulk-sales@staff.example' });
    agent = r.as(await r.login('bulk-agent@staff.example'));
  });
  afterAll(async () => r?.stop());

  async function newTicket(extra: Record<string, unknown> = {}): Promise<string> {
    const res = await agent('POST', '/api/v1/tickets', { subject: 'Bulk subject', body: 'x', contactId, ...extra });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  const get = async (id: string) => (await agent('GET', `/api/v1/tickets/${id}`)).body;

  it('changes every ticket, with an audit entry and the hooks for each', async () => {
    const ids = [await newTicket(), await newTicket(), await newTicket()];
    hookCalls.length = 0;
    const res = await agent('POST', '/api/v1/tickets/bulk', { ticketIds: ids, patch: { status: 'pending', priority: 'high', assigneeId: otherAgentId, teamId } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: ids, failed: [] });
    for (const id of ids) {
      const ticket = await get(id);
      expect(ticket).toMatchObject({ status: 'pending', priority: 'high', assigneeId: otherAgentId, teamId });
      const audit = (await agent('GET', `/api/v1/tickets/${id}/audit`)).body.items;
      const last = audit.at(-1);
      expect(last.action).toBe('update');
      expect(last.actor.id).toBe(agentId);
      expect(last.changes.status).toEqual({ from: 'new', to: 'pending' });
      expect(last.changes.assigneeId).toEqual({ from: null, to: otherAgentId });
    }
    const updates = hookCalls.filter((c) => c.type === 'updated');
    expect(updates.map((c) => c.ticket.id).sort()).toEqual([...ids].sort());
    expect(updates.every((c) => c.type === 'updated' && c.before.status === 'new' && c.actorUserId === agentId)).toBe(true);
  });

  it('keeps the changes to the others when one id does not exist', async () => {
    const [a, b] = [await newTicket(), await newTicket()];
    const res = await agent('POST', '/api/v1/tickets/bulk', { ticketIds: [a, missingId, b], patch: { status: 'on_hold' } });
    expect(res.status).toBe(200);
    expect(res.body.updated).toEqual([a, b]);
    expect(res.body.failed).toEqual([{ id: missingId, status: 404, detail: expect.stringContaining('was not found') }]);
    expect((await get(a)).status).toBe('on_hold');
    expect((await get(b)).status).toBe('on_hold');
  });

  it("adds and removes tags on each ticket's own list", async () => {
    const a = await newTicket({ tags: ['printer', 'vip'] });
    const b = await newTicket({ tags: ['printer'] });
    const res = await agent('POST', '/api/v1/tickets/bulk', { ticketIds: [a, b], patch: { addTags: ['toner'], removeTags: ['printer'] } });
    expect(res.body.updated).toEqual([a, b]);
    expect((await get(a)).tags).toEqual(['vip', 'toner']);
    expect((await get(b)).tags).toEqual(['toner']);
  });

  it('refuses one ticket that would get too many tags and still changes the rest', async () => {
    const full = await newTicket({ tags: Array.from({ length: 50 }, (_, i) => `t${i}`) });
    const fine = await newTicket();
    const res = await agent('POST', '/api/v1/tickets/bulk', { ticketIds: [full, fine], patch: { addTags: ['extra'], priority: 'urgent' } });
    expect(res.body.updated).toEqual([fine]);
    expect(res.body.failed).toEqual([{ id: full, status: 400, detail: expect.stringContaining('at most 50') }]);
    // Nothing of the refused ticket's change is kept, not even the priority.
    expect((await get(full)).priority).toBe('normal');
    expect((await get(full)).tags).toHaveLength(50);
    expect((await get(fine))).toMatchObject({ priority: 'urgent', tags: ['extra'] });
  });

  it('treats a repeated id once', async () => {
    const a = await newTicket();
    const res = await agent('POST', '/api/v1/tickets/bulk', { ticketIds: [a, a], patch: { priority: 'low' } });
    expect(res.body).toEqual({ updated: [a], failed: [] });
    expect((await get(a)).priority).toBe('low');
  });

  it('moves no case away from its owner without a hand-off summary, and still assigns the unowned ones', async () => {
    const owned = await newTicket({ assigneeId: agentId });
    const unowned = await newTicket();
    const res = await agent('POST', '/api/v1/tickets/bulk', { ticketIds: [owned, unowned], patch: { assigneeId: otherAgentId } });
    expect(res.body.updated).toEqual([unowned]);
    expect(res.body.failed).toEqual([{ id: owned, status: 422, detail: expect.stringContaining('hand-off summary') }]);
    expect((await get(owned)).assigneeId).toBe(agentId);
    expect((await get(unowned)).assigneeId).toBe(otherAgentId);
    // Unassigning is a move away from the owner too.
    const unassign = await agent('POST', '/api/v1/tickets/bulk', { ticketIds: [owned], patch: { assigneeId: null } });
    expect(unassign.body.failed[0].status).toBe(422);
    // Changing anything else on an owned case is no transfer.
    expect((await agent('POST', '/api/v1/tickets/bulk', { ticketIds: [owned], patch: { status: 'pending' } })).body.updated).toEqual([owned]);
  });

  it('refuses customer users and roles that may not change tickets, changing nothing', async () => {
    const own = await newTicket();
    const customer = r.as(await r.login('bulk-customer@customer.example'));
    const asCustomer = await customer('POST', '/api/v1/tickets/bulk', { ticketIds: [own], patch: { status: 'solved' } });
    expect([403, 404]).toContain(asCustomer.status);
    expect(asCustomer.headers['content-type']).toContain('application/problem+json');
    const sales = r.as(await r.login('bulk-sales@staff.example'));
    expect((await sales('POST', '/api/v1/tickets/bulk', { ticketIds: [own], patch: { status: 'solved' } })).status).toBe(403);
    expect((await get(own)).status).toBe('new');
    expect((await r.as('')('POST', '/api/v1/tickets/bulk', { ticketIds: [own], patch: { status: 'solved' } })).status).toBe(401);
  });

  it('answers 400 for a request it cannot carry out, naming the field', async () => {
    const id = await newTicket();
    const cases: [unknown, string][] = [
      [{ ticketIds: [], patch: { status: 'open' } }, 'body.ticketIds'],
      [{ ticketIds: Array.from({ length: 101 }, () => id), patch: { status: 'open' } }, 'body.ticketIds'],
      [{ ticketIds: ['not-a-uuid'], patch: { status: 'open' } }, 'body.ticketIds.0'],
      [{ ticketIds: [id], patch: { status: 'finished' } }, 'body.patch.status'],
      [{ ticketIds: [id], patch: { subject: 'Renamed' } }, 'body.patch'],
      [{ ticketIds: [id], patch: {} }, 'body.patch'],
      [{ ticketIds: [id], patch: { assigneeId: missingId } }, 'body.patch.assigneeId'],
      [{ ticketIds: [id], patch: { teamId: missingId } }, 'body.patch.teamId'],
    ];
    for (const [body, path] of cases) {
      const res = await agent('POST', '/api/v1/tickets/bulk', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await get(id)).status).toBe('new');
  });
});
