import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeOrganisation, makeTeam, makeTicket, makeUser } from '../../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../../support/rapport.js';

interface Frame {
  type: string;
  data: any;
}

describe.each(databaseKinds)('call events and screen pop on %s', (kind) => {
  let r: TestRapport;
  let token: string;
  let cookie: string;
  let agentId: string;
  let agent: ReturnType<TestRapport['as']>;

  const event = (body: Record<string, unknown>, bearer = token) =>
    r.app.inject({ method: 'POST', url: '/api/v1/calls/events', payload: body, headers: { authorization: `Bearer ${bearer}` } });

  /** A signed-in browser's realtime socket, collecting what the server pushes. */
  async function browser(cookieHeader: string) {
    const frames: Frame[] = [];
    const waiters: { type: string; resolve: (f: Frame) => void }[] = [];
    const onMessage = (data: Buffer) => {
      const f = JSON.parse(data.toString()) as Frame;
      frames.push(f);
      for (const w of [...waiters]) if (w.type === f.type) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(f);
      }
    };
    // Listen from the first byte: the server greets as soon as the socket opens.
    const ws = await r.app.injectWS('/api/v1/realtime', { headers: { cookie: cookieHeader } }, { onInit: (socket) => socket.on('message', onMessage) });
    const taken = new Set<Frame>();
    const next = (type: string, timeoutMs = 5000) =>
      new Promise<Frame>((resolve, reject) => {
        const already = frames.find((f) => f.type === type && !taken.has(f));
        if (already) {
          taken.add(already);
          return resolve(already);
        }
        const t = setTimeout(() => reject(new Error(`no ${type} frame`)), timeoutMs);
        waiters.push({ type, resolve: (f) => (clearTimeout(t), taken.add(f), resolve(f)) });
      });
    return { ws, frames, next };
  }

  beforeAll(async () => {
    r = await startTestRapport(kind);
    const team = await makeTeam(r.ctx.db, { name: 'Hotline' });
    agentId = (await makeUser(r.ctx.db, 'agent', { email: 'agent@staff.example', name: 'Tomasz Nowak', teamIds: [team.id] })).id;
    cookie = await r.login('agent@staff.example');
    agent = r.as(cookie);
    token = (await agent('POST', '/api/v1/auth/tokens', { name: 'PBX' })).body.token;
  });
  afterAll(async () => r?.stop());

  it('refuses events without an API token', async () => {
    expect((await event({ event: 'ringing', callId: 'x', from: '+48221234567', to: '+48225550000' }, 'nope')).statusCode).toBe(401);
  });

  it('pops a known caller with their company and open tickets, then logs the call with its duration', async () => {
    const org = await makeOrganisation(r.ctx.db, { name: 'Kessler GmbH', country: 'DE' });
    const contact = await makeContact(r.ctx.db, { name: 'Katrin Weber', organisationId: org.id, phones: ['+4930123456'] });
    const open = await makeTicket(r.ctx, { subject: 'Spindle alarm 4031', contactId: contact.id, organisationId: org.id });
    const screen = await browser(cookie);
    await screen.next('hello');

    // National notation, read with the hotline's country.
    const ringing = event({ event: 'ringing', callId: 'call-1', from: '030 123456', to: '+49 30 9999999', at: '2026-01-05T09:00:00Z' });
    const pop = await screen.next('call.ringing');
    expect((await ringing).statusCode).toBe(200);
    expect(pop.data).toMatchObject({
      callId: 'call-1',
      number: '+4930123456',
      country: 'DE',
      contact: { id: contact.id, name: 'Katrin Weber', organisation: { id: org.id, name: 'Kessler GmbH' } },
      openTickets: [{ id: open.id, subject: 'Spindle alarm 4031' }],
    });

    await event({ event: 'answered', callId: 'call-1', from: '030 123456', to: '+49 30 9999999', at: '2026-01-05T09:00:08Z', agentEmail: 'agent@staff.example' });
    expect((await screen.next('call.answered')).data.agentUserId).toBe(agentId);
    const ended = await event({ event: 'ended', callId: 'call-1', from: '030 123456', to: '+49 30 9999999', at: '2026-01-05T09:03:20Z' });
    expect(ended.json().call).toMatchObject({ state: 'ended', durationSeconds: 192, ticketId: open.id, agentUserId: agentId });
    expect((await screen.next('call.ended')).data.ticketId).toBe(open.id);
    // The PBX retries "ended": still one log entry.
    await event({ event: 'ended', callId: 'call-1', from: '030 123456', to: '+49 30 9999999', at: '2026-01-05T09:03:20Z' });
    const log = (await agent('GET', `/api/v1/tickets/${open.id}/messages`)).body.items.filter((m: any) => m.channel === 'phone');
    expect(log).toHaveLength(1);
    expect(log[0].bodyText).toBe('Phone call from +49 30 123456, answered by Tomasz Nowak — 3 min 12 s');
    expect(log[0].metadata.call).toMatchObject({ durationSeconds: 192, answered: true });
    const history = await agent('GET', `/api/v1/calls?contactId=${contact.id}`);
    expect(history.body.items.map((c: any) => c.callId)).toEqual(['call-1']);
    screen.ws.terminate();
  });

  it('shows the country of an unknown number and opens a case for a missed call', async () => {
    const screen = await browser(cookie);
    await screen.next('hello');
    void event({ event: 'ringing', callId: 'call-2', from: '+81 3-1234-5678', to: '+49 30 9999999' });
    const pop = await screen.next('call.ringing');
    expect(pop.data).toMatchObject({ contact: null, country: 'JP', countryCertain: true, international: '+81 3 1234 5678', openTickets: [] });
    const ended = await event({ event: 'ended', callId: 'call-2', from: '+81 3-1234-5678', to: '+49 30 9999999' });
    const call = ended.json().call;
    expect(call.durationSeconds).toBe(0);
    const ticket = (await agent('GET', `/api/v1/tickets/${call.ticketId}`)).body;
    expect(ticket).toMatchObject({ subject: 'Missed call from +81 3 1234 5678', channel: 'phone' });
    screen.ws.terminate();
  });

  it('pops a call to an agent’s direct line on that agent only, and logs on the ticket the agent picked', async () => {
    const admin = r.as(await r.login('admin@test.example', 'admin-password-1'));
    expect((await admin('PUT', '/api/v1/channels/agent-phones/+48225551234', { userId: agentId })).status).toBe(204);
    const other = await makeUser(r.ctx.db, 'agent', { email: 'other@staff.example' });
    const mine = await browser(cookie);
    const theirs = await browser(await r.login(other.email));
    await mine.next('hello');
    await theirs.next('hello');
    const contact = await makeContact(r.ctx.db, { name: 'Anna', phones: ['+48601234567'] });
    const picked = await makeTicket(r.ctx, { subject: 'Older case', contactId: contact.id });
    const ringing = await event({ event: 'ringing', callId: 'call-3', from: '+48 601 234 567', to: '+48 22 555 12 34' });
    await mine.next('call.ringing');
    await new Promise((res) => setTimeout(res, 200));
    expect(theirs.frames.some((f) => f.type === 'call.ringing')).toBe(false);

    expect((await agent('POST', `/api/v1/calls/${ringing.json().call.id}/ticket`, { ticketId: picked.id })).status).toBe(200);
    await event({ event: 'answered', callId: 'call-3', from: '+48 601 234 567', to: '+48 22 555 12 34' });
    const ended = await event({ event: 'ended', callId: 'call-3', from: '+48 601 234 567', to: '+48 22 555 12 34' });
    expect(ended.json().call.ticketId).toBe(picked.id);
    mine.ws.terminate();
    theirs.ws.terminate();
  });

  it('validates the event body', async () => {
    const res = await event({ event: 'exploded', callId: '', from: '', to: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(['body.event', 'body.callId']));
  });
});
