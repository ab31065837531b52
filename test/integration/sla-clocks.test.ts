import { createServer, type IncomingMessage, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { signWebhookBody } from '../../src/notifications/webhooks.js';
import { makeContact, makeOrganisation, makeTeam, makeTicket, makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** A local endpoint standing in for a customer's webhook receiver. */
async function webhookReceiver(): Promise<{ url: string; received: { headers: IncomingMessage['headers']; body: string }[]; close: () => Promise<void> }> {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each(databaseKinds)('SLA clocks on %s', (kind) => {
  let r: TestRapport;
  let admin: ReturnType<TestRapport['as']>;
  let agent: ReturnType<TestRapport['as']>;
  let agentId: string;
  let teamId: string;
  let organisationId: string;
  let contactId: string;
  let hooks: Awaited<ReturnType<typeof webhookReceiver>>;
  let secret: string;

  beforeAll(async () => {
    r = await startTestRapport(kind, { env: { RAPPORT_WEBHOOKS_ALLOW_PRIVATE: 'true' } }); // the receiver below is on 127.0.0.1
    hooks = await webhookReceiver();
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    teamId = (await makeTeam(r.ctx.db, { name: 'Round the clock' })).id;
    agentId = (await makeUser(r.ctx.db, 'agent', { email: 'sla-agent@staff.example', teamIds: [teamId] })).id;
    agent = r.as(await r.login('sla-agent@staff.example'));
    organisationId = (await makeOrganisation(r.ctx.db, { name: 'Kessler GmbH', country: 'DE' })).id;
    contactId = (await makeContact(r.ctx.db, { organisationId })).id;
    // A 24x7 platinum contract: business time is wall-clock time, so the test does not depend on the day it runs.
    const contract = await admin('POST', '/api/v1/contracts', { organisationId, name: 'Platinum 24x7', slaTier: 'platinum', coverage: '24x7', startsOn: '2020-01-01' });
    expect(contract.status).toBe(201);
    const policy = await admin('POST', '/api/v1/sla-policies', { name: 'Platinum', tier: 'platinum', firstResponseMinutes: 60, nextUpdateMinutes: 120, resolutionMinutes: 480, warningPercent: 80 });
    expect(policy.status).toBe(201);
    await admin('POST', '/api/v1/sla-policies', { name: 'Everyone else', firstResponseMinutes: 600 });
    const hook = await admin('POST', '/api/v1/outbound-webhooks', { url: hooks.url, events: ['sla.warning', 'sla.breach'] });
    expect(hook.status).toBe(201);
    secret = hook.body.secret;
  });
  afterAll(async () => {
    await r?.stop();
    await hooks?.close();
  });

  const ticket = (createdMinutesAgo: number, extra: Record<string, unknown> = {}) =>
    makeTicket(r.ctx, { organisationId, contactId, teamId, assigneeId: agentId, createdAt: minutesAgo(createdMinutesAgo), ...extra });

  it('measures a ticket against its contract tier on the contract coverage', async () => {
    const t = await ticket(30);
    const res = await agent('GET', `/api/v1/tickets/${t.id}/sla`);
    expect(res.status).toBe(200);
    expect(res.body.policy).toMatchObject({ name: 'Platinum', warningPercent: 80 });
    expect(res.body.calendar).toMatchObject({ source: 'coverage', definition: { alwaysOpen: true } });
    const fr = res.body.clocks.find((c: any) => c.metric === 'first_response');
    expect(fr).toMatchObject({ state: 'ok', targetMinutes: 60, elapsedBusinessMinutes: 30 });
    expect(Math.abs(Date.parse(fr.dueAt) - (t.createdAt.getTime() + 60 * 60_000))).toBe(0);
    expect(res.body.clocks.map((c: any) => c.metric)).toEqual(['first_response', 'resolution']);
  });

  it('pauses while pending and resumes on the customer reply', async () => {
    const t = await ticket(30);
    await agent('PATCH', `/api/v1/tickets/${t.id}`, { status: 'pending' });
    const paused = await agent('GET', `/api/v1/tickets/${t.id}/sla`);
    expect(paused.body.state).toBe('paused');
    expect(paused.body.clocks[0]).toMatchObject({ state: 'paused', dueAt: null, remainingBusinessMinutes: 30 });
    const customer = await makeUser(r.ctx.db, 'customer', { organisationId, contactId });
    const asCustomer = r.as(await r.login(customer.email));
    expect((await asCustomer('POST', `/api/v1/tickets/${t.id}/messages`, { bodyText: 'Here are the logs.' })).status).toBe(201);
    const resumed = await agent('GET', `/api/v1/tickets/${t.id}/sla`);
    expect(resumed.body.clocks[0].state).toBe('ok');
    expect(resumed.body.clocks[0].dueAt).not.toBeNull();
    // The customer sees the case, never the SLA internals.
    expect((await asCustomer('GET', `/api/v1/tickets/${t.id}/sla`)).status).toBe(403);
  });

  it('warns before the breach, breaches once, as notifications and signed webhooks', async () => {
    const warned = await ticket(50);
    const late = await ticket(90);
    const queue = await agent('GET', `/api/v1/sla/tickets?ids=${warned.id},${late.id}`);
    const byId = Object.fromEntries(queue.body.items.map((i: any) => [i.ticketId, i]));
    expect(byId[warned.id]).toMatchObject({ state: 'warning', metric: 'first_response', remainingBusinessMinutes: 10 });
    expect(byId[late.id]).toMatchObject({ state: 'breached', remainingBusinessMinutes: -30 });

    await r.ctx.jobs.runDue(100);
    await r.ctx.jobs.runDue(100);
    const mine = await agent('GET', '/api/v1/notifications');
    const kinds = mine.body.items.filter((n: any) => [warned.id, late.id].includes(n.ticketId)).map((n: any) => `${n.kind}:${n.ticketId === late.id ? 'late' : 'warned'}`);
    expect(kinds.sort()).toEqual(['sla_breach:late', 'sla_warning:warned']);
    expect(mine.body.unread).toBeGreaterThanOrEqual(2);

    const events = hooks.received.map((h) => JSON.parse(h.body)).filter((e) => [warned.id, late.id].includes(e.data.ticketId));
    expect(events.map((e) => e.type).sort()).toEqual(['sla.breach', 'sla.warning']);
    for (const h of hooks.received) expect(h.headers['x-rapport-signature']).toBe(signWebhookBody(h.body, secret));

    // Running the checks again (another node, a retry) sends nothing new.
    await r.ctx.jobs.runDue(100);
    const { enqueue } = await import('../../src/jobs/queue.js');
    await enqueue(r.ctx.db, 'sla.check', { ticketId: late.id });
    await r.ctx.jobs.runDue(100);
    const alerts = await queryRows<{ n: number }>(r.ctx.db, sql`select count(*)::int as n from agent_notifications where ticket_id = ${late.id}`);
    expect(alerts[0]!.n).toBe(1);
    expect(hooks.received.filter((h) => JSON.parse(h.body).data.ticketId === late.id)).toHaveLength(1);
  });

  it('stops the first-response clock at the first public reply, not at an internal note', async () => {
    const t = await ticket(20);
    await agent('POST', `/api/v1/tickets/${t.id}/messages`, { kind: 'note', bodyText: 'Looking into it.' });
    expect((await agent('GET', `/api/v1/tickets/${t.id}/sla`)).body.clocks[0].state).toBe('ok');
    await agent('POST', `/api/v1/tickets/${t.id}/messages`, { kind: 'message', bodyText: 'We are on it; an engineer calls you within the hour.' });
    const res = await agent('GET', `/api/v1/tickets/${t.id}/sla`);
    expect(res.body.clocks.find((c: any) => c.metric === 'first_response').state).toBe('met');
    expect(res.body.clocks.find((c: any) => c.metric === 'next_update')).toMatchObject({ state: 'ok', targetMinutes: 120 });
  });

  it('chooses the policy again when the customer changes, and has no clocks without a policy', async () => {
    const other = await makeOrganisation(r.ctx.db, { name: 'No contract Oy', country: 'FI' });
    const t = await ticket(5, { organisationId: other.id, contactId: null });
    const res = await agent('GET', `/api/v1/tickets/${t.id}/sla`);
    expect(res.body.policy.name).toBe('Everyone else');
    expect(res.body.calendar.source).toBe('country');
    expect(res.body.calendar.definition.timeZone).toBe('Europe/Helsinki');
    await agent('PATCH', `/api/v1/tickets/${t.id}`, { organisationId });
    expect((await agent('GET', `/api/v1/tickets/${t.id}/sla`)).body.policy.name).toBe('Platinum');
  });

  it('tells the managers about a breach on a ticket nobody owns', async () => {
    const manager = await makeUser(r.ctx.db, 'manager', { email: 'sla-manager@staff.example' });
    const orphan = await makeTicket(r.ctx, { organisationId, contactId, createdAt: minutesAgo(90) });
    await r.ctx.jobs.runDue(100);
    const rows = await queryRows<{ user_id: string; kind: string }>(r.ctx.db, sql`select user_id, kind from agent_notifications where ticket_id = ${orphan.id}`);
    expect(rows).toContainEqual({ user_id: manager.id, kind: 'sla_breach' });
  });
});
