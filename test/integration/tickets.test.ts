import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeOrganisation, makeTeam, makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

describe.each(databaseKinds)('tickets API on %s', (kind) => {
  let r: TestRapport;
  let agent: ReturnType<TestRapport['as']>;
  let agentId: string;
  let contactId: string;
  let organisationId: string;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    const org = await makeOrganisation(r.ctx.db, { name: 'Kessler GmbH', country: 'DE' });
    organisationId = org.id;
    contactId = (await makeContact(r.ctx.db, { organisationId, name: 'Dr. Katrin Weber' })).id;
    const team = await makeTeam(r.ctx.db, { name: 'EMEA' });
    const user = await makeUser(r.ctx.db, 'agent', { email: 'agent@staff.example', teamIds: [team.id] });
    agentId = user.id;
    agent = r.as(await r.login('agent@staff.example'));
  });
  afterAll(async () => r?.stop());

  it('reports health with the database kind', async () => {
    const res = await r.as('')('GET', '/api/health');
    expect(res.body).toEqual({ status: 'ok', database: kind });
  });

  it('refuses an anonymous request with a problem document', async () => {
    const res = await r.as('')('GET', '/api/v1/tickets');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.title).toBe('Not signed in');
  });

  it('creates a ticket whose body becomes the first message, and finds it by text', async () => {
    const created = await agent('POST', '/api/v1/tickets', { subject: 'Spindel überhitzt', body: 'Die Spindel überhitzt nach zwei Stunden (Alarm 4031).', priority: 'high', contactId });
    expect(created.status).toBe(201);
    expect(created.body.organisation).toEqual({ id: organisationId, name: 'Kessler GmbH' });
    expect(created.body.priority).toBe('high');
    const messages = await agent('GET', `/api/v1/tickets/${created.body.id}/messages`);
    expect(messages.body.items).toHaveLength(1);
    expect(messages.body.items[0].bodyText).toContain('Alarm 4031');
    const found = await agent('GET', '/api/v1/tickets?q=4031');
    expect(found.body.items.map((t: any) => t.id)).toContain(created.body.id);
    const byNumber = await agent('GET', `/api/v1/tickets?q=%23${created.body.number}`);
    expect(byNumber.body.items[0].id).toBe(created.body.id);
  });

  it('answers 400 naming the offending field', async () => {
    const res = await agent('POST', '/api/v1/tickets', { subject: '', body: 'x', priority: 'extreme' });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: any) => e.path);
    expect(paths).toContain('body.subject');
    expect(paths).toContain('body.priority');
  });

  it('answers 404 for a ticket that does not exist', async () => {
    const res = await agent('GET', '/api/v1/tickets/01900000-0000-7000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/was not found/);
  });

  it('replies, adds notes, changes fields and keeps an audit trail', async () => {
    const { body: ticket } = await agent('POST', '/api/v1/tickets', { subject: 'Printer jam', body: 'Paper jam in tray 2', contactId });
    const reply = await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'We are on it.' });
    expect(reply.status).toBe(201);
    expect(reply.body.direction).toBe('outbound');
    const note = await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'note', bodyText: 'Same fault as March.' });
    expect(note.body.kind).toBe('note');
    const after = await agent('GET', `/api/v1/tickets/${ticket.id}`);
    expect(after.body.status).toBe('open'); // the first agent reply takes a new ticket into work
    expect(after.body.firstResponseAt).not.toBeNull();
    const patched = await agent('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'pending', assigneeId: agentId, tags: ['hardware'] });
    expect(patched.status).toBe(200);
    expect(patched.body.assignee.id).toBe(agentId);
    const audit = await agent('GET', `/api/v1/tickets/${ticket.id}/audit`);
    const actions = audit.body.items.map((e: any) => e.action);
    expect(actions).toEqual(['create', 'reply', 'add_note', 'update']);
    expect(audit.body.items[3].changes.status).toEqual({ from: 'open', to: 'pending' });
    expect(audit.body.items[3].actor.id).toBe(agentId);
  });

  it('refuses to move a case from its owner without a hand-off summary', async () => {
    const other = await makeUser(r.ctx.db, 'agent');
    const { body: t } = await agent('POST', '/api/v1/tickets', { subject: 'Owned case', body: 'x', assigneeId: agentId });
    const res = await agent('PATCH', `/api/v1/tickets/${t.id}`, { assigneeId: other.id });
    expect(res.status).toBe(422);
    expect(res.body.handoffRequired).toBe(true);
    expect((await agent('GET', `/api/v1/tickets/${t.id}`)).body.assigneeId).toBe(agentId);
    const { body: unowned } = await agent('POST', '/api/v1/tickets', { subject: 'Unowned case', body: 'x' });
    expect((await agent('PATCH', `/api/v1/tickets/${unowned.id}`, { assigneeId: agentId })).status).toBe(200);
  });

  it('pages through the open queue with a cursor, without repeats', async () => {
    for (let i = 0; i < 7; i++) await agent('POST', '/api/v1/tickets', { subject: `Queue ${i}`, body: 'x', tags: ['paging'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await agent('GET', `/api/v1/tickets?tag=paging&status=new,open&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((t: any) => t.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    // The other sort orders page through the same set without repeats or gaps.
    for (const sort of ['priority_desc', 'created_asc', 'created_desc']) {
      const ids: string[] = [];
      let next: string | null = null;
      do {
        const res: any = await agent('GET', `/api/v1/tickets?tag=paging&sort=${sort}&limit=2${next ? `&cursor=${next}` : ''}`);
        ids.push(...res.body.items.map((t: any) => t.id));
        next = res.body.nextCursor;
      } while (next);
      expect(new Set(ids)).toEqual(new Set(seen));
      expect(ids).toHaveLength(7);
    }
    const bad = await agent('GET', '/api/v1/tickets?cursor=garbage');
    expect(bad.status).toBe(400);
  });

  it('filters the queue: mine, unassigned, priority sort', async () => {
    const { body: mine } = await agent('POST', '/api/v1/tickets', { subject: 'Mine', body: 'x', assigneeId: agentId, priority: 'urgent' });
    const list = await agent('GET', '/api/v1/tickets?assigneeId=me&status=new,open,pending,on_hold');
    expect(list.body.items.every((t: any) => t.assigneeId === agentId)).toBe(true);
    expect(list.body.items.map((t: any) => t.id)).toContain(mine.id);
    const unassigned = await agent('GET', '/api/v1/tickets?assigneeId=none');
    expect(unassigned.body.items.every((t: any) => t.assigneeId === null)).toBe(true);
    const byPriority = await agent('GET', '/api/v1/tickets?sort=priority_desc&limit=1');
    expect(byPriority.body.items[0].priority).toBe('urgent');
  });

  it('merges a duplicate into its original, moving the conversation', async () => {
    const { body: a } = await agent('POST', '/api/v1/tickets', { subject: 'Original', body: 'first report', contactId });
    const { body: b } = await agent('POST', '/api/v1/tickets', { subject: 'Duplicate', body: 'second report', contactId });
    const merged = await agent('POST', `/api/v1/tickets/${b.id}/merge`, { targetId: a.id });
    expect(merged.status).toBe(200);
    const messages = await agent('GET', `/api/v1/tickets/${a.id}/messages`);
    expect(messages.body.items.map((m: any) => m.bodyText)).toEqual(expect.arrayContaining(['first report', 'second report']));
    // The event carries what the web app needs to say it in the reader's language.
    expect(messages.body.items.find((m: any) => m.kind === 'event').metadata).toMatchObject({ event: 'merged', sourceNumber: b.number, sourceSubject: 'Duplicate' });
    const source = await agent('GET', `/api/v1/tickets/${b.id}`);
    expect(source.body.mergedIntoId).toBe(a.id);
    expect(source.body.status).toBe('closed');
    const again = await agent('POST', `/api/v1/tickets/${b.id}/merge`, { targetId: a.id });
    expect(again.status).toBe(409);
  });

  it('splits messages off into a linked ticket', async () => {
    const { body: t } = await agent('POST', '/api/v1/tickets', { subject: 'Two problems', body: 'Problem one', contactId });
    const second = await agent('POST', `/api/v1/tickets/${t.id}/messages`, { kind: 'message', bodyText: 'Problem two' });
    const split = await agent('POST', `/api/v1/tickets/${t.id}/split`, { messageIds: [second.body.id], subject: 'Problem two' });
    expect(split.status).toBe(201);
    expect(split.body.links[0]).toMatchObject({ ticketId: t.id, kind: 'split_from' });
    const moved = await agent('GET', `/api/v1/tickets/${split.body.id}/messages`);
    expect(moved.body.items.map((m: any) => m.bodyText)).toEqual(['Problem two']);
  });

  it('keeps a customer inside its own organisation: another one\'s ticket is 404', async () => {
    const other = await makeOrganisation(r.ctx.db, { name: 'Other Co' });
    const otherContact = await makeContact(r.ctx.db, { organisationId: other.id });
    const { body: foreign } = await agent('POST', '/api/v1/tickets', { subject: 'Other org secret', body: 'confidential', contactId: otherContact.id });
    const { body: own } = await agent('POST', '/api/v1/tickets', { subject: 'Own case', body: 'ours', contactId });
    await agent('POST', `/api/v1/tickets/${own.id}/messages`, { kind: 'note', bodyText: 'internal only' });
    await makeUser(r.ctx.db, 'customer', { email: 'katrin@kessler.example', organisationId, contactId });
    const customer = r.as(await r.login('katrin@kessler.example'));
    const denied = await customer('GET', `/api/v1/tickets/${foreign.id}`);
    expect(denied.status).toBe(404);
    expect(JSON.stringify(denied.body)).not.toContain('confidential');
    const list = await customer('GET', '/api/v1/tickets?limit=200');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((t: any) => t.organisationId === organisationId)).toBe(true);
    const messages = await customer('GET', `/api/v1/tickets/${own.id}/messages`);
    expect(messages.body.items.some((m: any) => m.kind === 'note')).toBe(false);
    const note = await customer('POST', `/api/v1/tickets/${own.id}/messages`, { kind: 'note', bodyText: 'sneaky' });
    expect(note.status).toBe(403);
    const reply = await customer('POST', `/api/v1/tickets/${own.id}/messages`, { kind: 'message', bodyText: 'Thanks!' });
    expect(reply.status).toBe(201);
    expect(reply.body.direction).toBe('inbound');
    await agent('PATCH', `/api/v1/tickets/${own.id}`, { status: 'closed' });
    const late = await customer('POST', `/api/v1/tickets/${own.id}/messages`, { kind: 'message', bodyText: 'One more thing' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/is closed/);
    const after = await agent('GET', `/api/v1/tickets/${own.id}/messages`);
    expect(after.body.items.some((m: any) => m.bodyText === 'One more thing')).toBe(false);
    const otherOrg = await customer('GET', `/api/v1/organisations/${other.id}`);
    expect(otherOrg.status).toBe(404);
  });

  it('issues API tokens that work as Bearer credentials', async () => {
    const admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    const token = await admin('POST', '/api/v1/auth/tokens', { name: 'phone system' });
    expect(token.status).toBe(201);
    const res = await r.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token.body.token}` } });
    expect(res.json().user.email).toBe(adminCredentials.email);
    const forged = await r.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer rpt_forged' } });
    expect(forged.statusCode).toBe(401);
  });

  it('rejects a wrong password and signs out', async () => {
    const wrong = await r.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'agent@staff.example', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    const cookie = await r.login('agent@staff.example');
    await r.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    const me = await r.as(cookie)('GET', '/api/v1/auth/me');
    expect(me.status).toBe(401);
  });
});
