/**
 * Issue 11, "The agent's day": portal requests reach a team, and the demo data reads like a real
 * desk (faults that match the customer's industry, no conversation repeating itself, replies
 * signed by a person, a queue that is mostly on time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setChannelRoute } from '../../src/channels/routing.js';
import { makeContact, makeOrganisation, makeTeam, makeUser } from '../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

describe.each(databaseKinds)('portal routing on %s', (kind) => {
  let r: TestRapport;
  beforeAll(async () => {
    r = await startTestRapport(kind);
  });
  afterAll(async () => r?.stop());

  it('routes a case a customer opens in the portal to the portal channel\'s team, as chat is', async () => {
    const db = r.ctx.db;
    const team = await makeTeam(db, { name: 'Portal desk' });
    const organisationId = (await makeOrganisation(db, { name: 'Kowalski Sp. z o.o.', country: 'PL' })).id;
    const contactId = (await makeContact(db, { organisationId, name: 'Piotr Kowalski', country: 'PL' })).id;
    const customer = r.as(await r.login((await makeUser(db, 'customer', { organisationId, contactId })).email));
    const unrouted = await customer('POST', '/api/v1/tickets', { subject: 'Conveyor stopped', body: 'The conveyor PLC reports a communication error.' });
    expect(unrouted.status).toBe(201);
    expect(unrouted.body.teamId).toBeNull();
    await setChannelRoute(db, 'portal', team.id);
    const routed = await customer('POST', '/api/v1/tickets', { subject: 'Conveyor stopped again', body: 'The conveyor PLC reports a communication error again.' });
    expect(routed.status).toBe(201);
    expect(routed.body.channel).toBe('portal');
    expect(routed.body.teamId).toBe(team.id);
  });
});

describe('demo data', () => {
  let r: TestRapport;
  let agent: ReturnType<TestRapport['as']>;
  let tickets: any[];
  beforeAll(async () => {
    r = await startTestRapport('pglite', { demo: true, demoTicketsPerOrganisation: 12 });
    agent = r.as(await r.login('tomasz@rapport.example'));
    tickets = [];
    let cursor: string | undefined;
    do {
      const page = await agent('GET', `/api/v1/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      tickets.push(...page.body.items);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
  });
  afterAll(async () => r?.stop());

  const messagesOf = async (id: string) => (await agent('GET', `/api/v1/tickets/${id}/messages?limit=200`)).body.items as any[];

  it('gives each organisation faults of its own industry', async () => {
    const text = async (t: any) => `${t.subject}\n${(await messagesOf(t.id)).map((m) => m.bodyText).join('\n')}`.toLowerCase();
    const of = (name: string) => tickets.filter((t) => t.organisation?.name === name);
    expect(of('Sharma Textiles Pvt. Ltd.').length).toBeGreaterThan(0);
    for (const t of of('Sharma Textiles Pvt. Ltd.')) expect(await text(t)).not.toMatch(/\bct\b|ct-64|scanner|patient|x-ray|dr2/);
    for (const t of of('Brightline Health Inc.')) expect(await text(t)).not.toMatch(/loom|weave|textile/);
  });

  it('never repeats a message within a conversation, and every reply has a person as its author', async () => {
    for (const t of tickets) {
      const messages = (await messagesOf(t.id)).filter((m) => m.kind === 'message');
      // The demo's erased former customer: every body is the same "[erased]" marker by design.
      const bodies = messages.map((m) => m.bodyText).filter((b) => b !== '[erased]');
      expect(new Set(bodies).size, `#${t.number} ${t.subject}`).toBe(bodies.length);
      for (const m of messages.filter((x) => x.direction === 'outbound')) expect(m.author.type, `#${t.number}`).toBe('user');
    }
  });

  it('shows a realistic queue: most of the recently updated cases on time, a few breached', async () => {
    const first = tickets.slice(0, 24);
    const sla = await agent('GET', `/api/v1/sla/tickets?ids=${first.map((t) => t.id).join(',')}`);
    const states = (sla.body.items as any[]).map((i) => i.state);
    const breached = states.filter((s) => s === 'breached').length;
    expect(breached).toBeGreaterThan(0);
    expect(breached).toBeLessThanOrEqual(first.length / 3);
  });
});
