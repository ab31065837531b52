/**
 * A customer sees its own cases without what is ours alone: no internal notes or internal events
 * (a delivery failure naming other addresses, a bounce, an auto-reply, a merge), no internal tags,
 * no links to other organisations' cases, no search hits on words of a note, and no realtime
 * event about any of it — checked through the API and a real WebSocket on a listening server.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMessage } from '../../src/tickets/commands.js';
import { makeContact, makeOrganisation, makeTeam, makeTicket, makeUser } from '../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

const SECRET_TAG = 'difficult-customer';
const NOTE_WORD = 'quarantinedwidget';
const OTHER_ADDRESS = 'someone-else@rival.example';

interface Frame {
  type: string;
  data: { ticketId?: string; messageId?: string; kind?: string };
}

/** A browser's realtime socket, signed in with the session cookie, collecting every frame. */
async function realtimeSocket(baseUrl: string, cookie: string) {
  const frames: Frame[] = [];
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/realtime`, { headers: { cookie } });
  ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const until = async (check: () => boolean, what: string) => {
    const end = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  await until(() => frames.some((f) => f.type === 'hello'), 'hello');
  return { ws, frames, until };
}

describe.each(databaseKinds)('the customer view on %s', (kind) => {
  let r: TestRapport;
  let baseUrl: string;
  let agent: ReturnType<TestRapport['as']>;
  let customer: ReturnType<TestRapport['as']>;
  let agentCookie: string;
  let customerCookie: string;
  let organisationId: string;
  let ticketId: string;
  let otherTicketId: string;
  let agentId: string;
  const ids = { public: [] as string[], internal: [] as string[] };

  beforeAll(async () => {
    r = await startTestRapport(kind);
    const db = r.ctx.db;
    const team = await makeTeam(db, { name: 'Support' });
    const agentUser = await makeUser(db, 'agent', { email: 'agent@staff.example', name: 'Noa Levi', teamIds: [team.id] });
    agentId = agentUser.id;
    const org = await makeOrganisation(db);
    organisationId = org.id;
    const contact = await makeContact(db, { organisationId, name: 'Yuki Tanaka' });
    const customerUser = await makeUser(db, 'customer', { organisationId, contactId: contact.id, email: 'yuki@customer.example' });
    agentCookie = await r.login('agent@staff.example');
    customerCookie = await r.login(customerUser.email);
    agent = r.as(agentCookie);
    customer = r.as(customerCookie);

    const otherOrg = await makeOrganisation(db, { name: 'Rival GmbH' });
    otherTicketId = (await makeTicket(r.ctx, { organisationId: otherOrg.id, subject: 'Rival secret project' })).id;

    // The customer opens the case on the portal; the desk works on it.
    const opened = await customer('POST', '/api/v1/tickets', { subject: 'Spindle noise', body: 'The spindle squeaks at 3000 rpm.', priority: 'normal', channel: 'portal' });
    ticketId = opened.body.id;
    ids.public.push((await customer('GET', `/api/v1/tickets/${ticketId}/messages`)).body.items[0].id);
    await agent('PATCH', `/api/v1/tickets/${ticketId}`, { tags: [SECRET_TAG], assigneeId: agentId, teamId: team.id });
    ids.public.push((await agent('POST', `/api/v1/tickets/${ticketId}/messages`, { kind: 'message', bodyText: 'We are sending a technician.', channel: 'portal' })).body.id);
    ids.internal.push((await agent('POST', `/api/v1/tickets/${ticketId}/messages`, { kind: 'note', bodyText: `Customer is on the ${NOTE_WORD} list.` })).body.id);
    const command = { db, registry: r.ctx.registry, actorUserId: null };
    for (const event of [
      { bodyText: `The email to ${OTHER_ADDRESS} could not be delivered.`, metadata: { event: 'delivery_failed', channel: 'email', address: OTHER_ADDRESS, reason: '550 no such user' } },
      { bodyText: `The email to ${OTHER_ADDRESS} bounced (5.1.1): Spindle noise`, metadata: { event: 'email_bounced', address: OTHER_ADDRESS, status: '5.1.1', subject: 'Spindle noise' } },
      { bodyText: `Automatic reply from ${OTHER_ADDRESS}: out of office`, metadata: { event: 'auto_reply', from: OTHER_ADDRESS, excerpt: 'out of office' } },
      { bodyText: 'Ticket #9 "Rival secret project" was merged into this ticket.', metadata: { event: 'merged', sourceNumber: 9, sourceSubject: 'Rival secret project' } },
    ]) {
      ids.internal.push((await addMessage(command, ticketId, { kind: 'event', direction: 'internal', channel: 'system', author: { name: 'Rapport' }, ...event })).message.id);
    }
    // Written for the customer to read (seed 004): who has the case, when the next update is due.
    const handoff = await addMessage(command, ticketId, {
      kind: 'event', direction: 'internal', channel: 'system', author: { userId: agentId },
      bodyText: 'The case is now with Noa Levi, who has its full history.',
      metadata: { event: 'handoff', kind: 'transfer', toUserId: agentId, toTeamId: team.id, toName: 'Noa Levi' },
    });
    ids.public.push(handoff.message.id);
    const promise = await agent('POST', `/api/v1/tickets/${ticketId}/promises`, { dueAt: new Date(Date.now() + 3 * 3_600_000).toISOString(), channel: 'email' });
    expect(promise.status).toBe(201);
    await agent('POST', `/api/v1/tickets/${ticketId}/links`, { otherId: otherTicketId });

    baseUrl = await r.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('lists only public messages and the events written for the customer, with their safe metadata', async () => {
    const res = await customer('GET', `/api/v1/tickets/${ticketId}/messages`);
    expect(res.status).toBe(200);
    const items = res.body.items as any[];
    expect(items.filter((m) => m.kind === 'note' || (m.kind === 'message' && m.direction === 'internal'))).toEqual([]);
    for (const id of ids.internal) expect(items.map((m) => m.id)).not.toContain(id);
    for (const id of ids.public) expect(items.map((m) => m.id)).toContain(id);
    expect(items.filter((m) => m.kind === 'event').map((m) => m.metadata.event).sort()).toEqual(['handoff', 'promise']);
    expect(items.find((m) => m.metadata.event === 'handoff').metadata).toEqual({ event: 'handoff', toName: 'Noa Levi' });
    expect(Object.keys(items.find((m) => m.metadata.event === 'promise').metadata).sort()).toEqual(['by', 'channel', 'dueAt', 'event']);
    const text = JSON.stringify(res.body);
    for (const secret of [NOTE_WORD, OTHER_ADDRESS, 'Rival secret project', 'delivery_failed']) expect(text).not.toContain(secret);
    // Staff still see everything.
    const staff = await agent('GET', `/api/v1/tickets/${ticketId}/messages`);
    for (const id of [...ids.internal, ...ids.public]) expect(staff.body.items.map((m: any) => m.id)).toContain(id);
  });

  it('pages through the customer view without internal entries filling the pages', async () => {
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: any[]; nextCursor: string | null } } = await customer('GET', `/api/v1/tickets/${ticketId}/messages?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBe(1);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((m) => m.kind === 'event' ? m.metadata.event : m.direction)).toEqual(['inbound', 'outbound', 'handoff', 'promise']);
  });

  it('leaves internal tags and links to other organisations out of the ticket, the list and search', async () => {
    const ticket = await customer('GET', `/api/v1/tickets/${ticketId}`);
    expect(ticket.status).toBe(200);
    expect(ticket.body.tags).toEqual([]);
    expect(ticket.body.links).toEqual([]);
    expect(ticket.body.assignee).toEqual({ id: agentId, name: 'Noa Levi' }); // the portal shows who handles it
    expect(JSON.stringify(ticket.body)).not.toContain(SECRET_TAG);
    expect(JSON.stringify(ticket.body)).not.toContain('Rival');
    const staffView = await agent('GET', `/api/v1/tickets/${ticketId}`);
    expect(staffView.body.tags).toEqual([SECRET_TAG]);
    expect(staffView.body.links.map((l: any) => l.ticketId)).toEqual([otherTicketId]);

    const list = await customer('GET', '/api/v1/tickets');
    expect(list.body.items.map((t: any) => t.id)).toEqual([ticketId]);
    expect(list.body.items.every((t: any) => t.tags.length === 0)).toBe(true);
    // A tag filter would tell which cases carry an internal tag; a search must not find words of a note.
    expect((await customer('GET', `/api/v1/tickets?tag=${SECRET_TAG}`)).body.items).toEqual([]);
    expect((await customer('GET', `/api/v1/tickets?q=${NOTE_WORD}`)).body.items).toEqual([]);
    expect((await customer('GET', '/api/v1/tickets?q=rival')).body.items).toEqual([]);
    expect((await customer('GET', '/api/v1/tickets?q=technician')).body.items.map((t: any) => t.id)).toEqual([ticketId]);
    expect((await customer('GET', '/api/v1/tickets?q=squeaks')).body.items.map((t: any) => t.id)).toEqual([ticketId]);
    // Staff search everything.
    expect((await agent('GET', `/api/v1/tickets?q=${NOTE_WORD}`)).body.items.map((t: any) => t.id)).toEqual([ticketId]);
  });

  it('keeps the portal timeline to the same view', async () => {
    const view = await customer('GET', `/api/v1/portal/tickets/${ticketId}/timeline`);
    expect(view.status).toBe(200);
    const entries = view.body.entries as any[];
    for (const id of ids.internal) expect(entries.map((e) => e.id)).not.toContain(id);
    expect(entries.filter((e) => e.kind === 'event').map((e) => e.metadata.event).sort()).toEqual(['handoff', 'promise']);
    expect(JSON.stringify(view.body)).not.toContain(OTHER_ADDRESS);
    expect(view.body.nextUpdate).toMatchObject({ source: 'promise', channel: 'email' });
  });

  it('shows a merge of the customer’s own duplicate, never one of another organisation’s ticket', async () => {
    const target = (await customer('POST', '/api/v1/tickets', { subject: 'Coolant leak', body: 'A puddle under the lathe.', priority: 'normal', channel: 'portal' })).body.id;
    const duplicate = (await customer('POST', '/api/v1/tickets', { subject: 'Coolant leak again', body: 'Still leaking.', priority: 'normal', channel: 'portal' })).body;
    const foreign = await makeTicket(r.ctx, { organisationId: (await makeOrganisation(r.ctx.db, { name: 'Other Ltd' })).id, subject: 'Other Ltd budget' });
    expect((await agent('POST', `/api/v1/tickets/${duplicate.id}/merge`, { targetId: target })).status).toBe(200);
    expect((await agent('POST', `/api/v1/tickets/${foreign.id}/merge`, { targetId: target })).status).toBe(200);
    const items = (await customer('GET', `/api/v1/tickets/${target}/messages`)).body.items as any[];
    const merges = items.filter((m) => m.kind === 'event' && m.metadata.event === 'merged');
    expect(merges.map((m) => m.metadata)).toEqual([{ event: 'merged', sourceNumber: duplicate.number, sourceSubject: 'Coolant leak again' }]);
    expect(JSON.stringify(items)).not.toContain('Other Ltd budget');
    const staff = (await agent('GET', `/api/v1/tickets/${target}/messages`)).body.items as any[];
    expect(staff.filter((m) => m.metadata?.event === 'merged')).toHaveLength(2);
  });

  it('answers a customer reply with the customer view of it', async () => {
    const res = await customer('POST', `/api/v1/tickets/${ticketId}/messages`, { kind: 'message', bodyText: 'Thank you!', channel: 'portal' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ direction: 'inbound', bodyText: 'Thank you!', metadata: {} });
  });

  it('sends a customer realtime events only about what it may see, of its own organisation', async () => {
    const cust = await realtimeSocket(baseUrl, customerCookie);
    const staff = await realtimeSocket(baseUrl, agentCookie);
    try {
      const note = await agent('POST', `/api/v1/tickets/${ticketId}/messages`, { kind: 'note', bodyText: 'Internal: check the warranty.' });
      const failure = await addMessage({ db: r.ctx.db, realtime: r.ctx.realtime, registry: r.ctx.registry, actorUserId: null }, ticketId, {
        kind: 'event', direction: 'internal', channel: 'system', author: { name: 'Rapport' }, bodyText: `Could not reach ${OTHER_ADDRESS}`,
        metadata: { event: 'delivery_failed', channel: 'email', address: OTHER_ADDRESS },
      });
      await agent('PATCH', `/api/v1/tickets/${ticketId}`, { tags: [SECRET_TAG, 'vip'] }); // a change only staff see
      await agent('POST', `/api/v1/tickets/${otherTicketId}/messages`, { kind: 'message', bodyText: 'Rival reply', channel: 'web' }); // another organisation's case
      await agent('PATCH', `/api/v1/tickets/${ticketId}`, { status: 'pending' }); // shown on the portal
      const reply = await agent('POST', `/api/v1/tickets/${ticketId}/messages`, { kind: 'message', bodyText: 'The technician comes on Monday.', channel: 'portal' });

      // Events arrive in order: once the last public reply is in, everything before it is too.
      await cust.until(() => cust.frames.some((f) => f.data.messageId === reply.body.id), 'the public reply');
      await staff.until(() => staff.frames.some((f) => f.data.messageId === reply.body.id), 'the public reply (staff)');
      const toCustomer = cust.frames.filter((f) => f.type !== 'hello');
      expect(toCustomer.map((f) => [f.type, f.data.messageId ?? null])).toEqual([
        ['ticket.updated', null],
        ['message.created', reply.body.id],
      ]);
      expect(toCustomer.every((f) => f.data.ticketId === ticketId)).toBe(true);
      expect(JSON.stringify(cust.frames)).not.toContain(note.body.id);
      expect(JSON.stringify(cust.frames)).not.toContain(failure.message.id);
      // Staff hear of all of it.
      const staffMessages = staff.frames.filter((f) => f.type === 'message.created').map((f) => f.data.messageId);
      expect(staffMessages).toEqual(expect.arrayContaining([note.body.id, failure.message.id, reply.body.id]));
      expect(staff.frames.filter((f) => f.type === 'ticket.updated' && f.data.ticketId === ticketId)).toHaveLength(2);
    } finally {
      cust.ws.close();
      staff.ws.close();
    }
  });
});
