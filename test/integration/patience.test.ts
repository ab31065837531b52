import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulePromiseJobs } from '../../src/patience/promise-jobs.js';
import { createPromise } from '../../src/patience/promise-store.js';
import { runFollowTheSun } from '../../src/handoffs/follow-the-sun-job.js';
import { addMessage } from '../../src/tickets/commands.js';
import { makeContact, makeOrganisation, makeTeam, makeTicket, makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe.each(databaseKinds)('patience, promises and transfers on %s', (kind) => {
  let r: TestRapport;
  let admin: ReturnType<TestRapport['as']>;
  let agent: ReturnType<TestRapport['as']>;
  let customer: ReturnType<TestRapport['as']>;
  let stranger: ReturnType<TestRapport['as']>;
  let agentId: string;
  let otherAgentId: string;
  let supportId: string;
  let billingId: string;
  let organisationId: string;
  let contactId: string;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    const db = r.ctx.db;
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    supportId = (await makeTeam(db, { name: 'Support' })).id;
    billingId = (await makeTeam(db, { name: 'Billing' })).id;
    agentId = (await makeUser(db, 'agent', { email: 'noa@staff.example', name: 'Noa Levi', teamIds: [supportId] })).id;
    otherAgentId = (await makeUser(db, 'agent', { email: 'tom@staff.example', name: 'Tom Berg', teamIds: [billingId] })).id;
    agent = r.as(await r.login('noa@staff.example'));
    organisationId = (await makeOrganisation(db, { name: 'Mumbai Textiles', country: 'IN' })).id;
    contactId = (await makeContact(db, { organisationId, name: 'Abhishek Rao', country: 'IN' })).id;
    customer = r.as(await r.login((await makeUser(db, 'customer', { organisationId, contactId })).email));
    const otherOrg = await makeOrganisation(db, { name: 'Helsinki Oy', country: 'FI' });
    stranger = r.as(await r.login((await makeUser(db, 'customer', { organisationId: otherOrg.id })).email));
  });
  afterAll(async () => r?.stop());

  const newTicket = (extra: Record<string, unknown> = {}) => makeTicket(r.ctx, { organisationId, contactId, teamId: supportId, assigneeId: agentId, ...extra });

  it('records a promise, shows it to the customer as the next update, and keeps it on the next reply', async () => {
    const t = await newTicket();
    const dueAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const created = await agent('POST', `/api/v1/tickets/${t.id}/promises`, { dueAt, channel: 'phone' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'open', channel: 'phone', dueAt });
    const view = await customer('GET', `/api/v1/portal/tickets/${t.id}/timeline`);
    expect(view.status).toBe(200);
    expect(view.body.nextUpdate).toEqual({ dueAt, source: 'promise', channel: 'phone' });
    expect(view.body.owner).toEqual({ name: 'Noa Levi', team: 'Support' });
    expect(view.body.entries.some((e: any) => e.metadata.event === 'promise')).toBe(true);
    await agent('POST', `/api/v1/tickets/${t.id}/messages`, { bodyText: 'Update: the part ships today.', channel: 'phone' });
    const after = await agent('GET', `/api/v1/tickets/${t.id}/promises`);
    expect(after.body.items[0]).toMatchObject({ state: 'kept', onPromisedChannel: true });
    expect((await agent('POST', `/api/v1/tickets/${t.id}/promises`, { dueAt: '2020-01-01T00:00:00Z', channel: 'email' })).status).toBe(400);
  });

  it('reminds before a promise falls due and flags it broken when it passes without an update', async () => {
    const t = await newTicket();
    const now = Date.now();
    const promise = await createPromise(r.ctx.db, { ticketId: t.id, createdByUserId: agentId, dueAt: new Date(now - 60_000), channel: 'email', createdAt: new Date(now - 3_600_000) });
    await schedulePromiseJobs(r.ctx.db, promise);
    await r.ctx.jobs.runDue(100);
    const promises = await agent('GET', `/api/v1/tickets/${t.id}/promises`);
    expect(promises.body.items[0].state).toBe('broken');
    const notes = await agent('GET', '/api/v1/notifications');
    expect(notes.body.items.filter((n: any) => n.ticketId === t.id).map((n: any) => n.kind)).toContain('promise_broken');
    const patience = await agent('GET', `/api/v1/tickets/${t.id}/patience`);
    expect(patience.body.facts.brokenPromises).toBe(1);
    expect(patience.body.reasons).toContainEqual({ code: 'broken_promises', points: 15, values: { count: 1 } });
    expect(patience.body.remedy.steps.map((s: any) => s.action)).toEqual(expect.arrayContaining(['apologise', 'new_firm_commitment']));
  });

  it('refuses a transfer without a hand-off summary, drafts one, and the next owner gets it', async () => {
    const t = await newTicket();
    const bare = await agent('POST', `/api/v1/tickets/${t.id}/transfer`, { assigneeId: otherAgentId, teamId: billingId, summary: '' });
    expect(bare.status).toBe(400);
    expect(bare.body.errors).toContainEqual({ path: 'body.summary', message: 'too short' });
    const draft = await agent('GET', `/api/v1/tickets/${t.id}/transfer/draft?assigneeId=${otherAgentId}&teamId=${billingId}`);
    expect(draft.body.summary).toContain(`Case: ${t.subject} — Abhishek Rao, Mumbai Textiles`);
    expect(draft.body.summary).toContain('They asked: "Something is broken."');
    const moved = await agent('POST', `/api/v1/tickets/${t.id}/transfer`, { assigneeId: otherAgentId, teamId: billingId, summary: `${draft.body.summary}check the invoice run` });
    expect(moved.status).toBe(200);
    expect(moved.body.assignee).toEqual({ id: otherAgentId, name: 'Tom Berg' });
    const handoffs = await agent('GET', `/api/v1/tickets/${t.id}/handoffs`);
    expect(handoffs.body.items).toHaveLength(1);
    expect(handoffs.body.items[0]).toMatchObject({ kind: 'transfer', fromUserId: agentId, toUserId: otherAgentId, toTeamId: billingId });
    const tom = r.as(await r.login('tom@staff.example'));
    expect((await tom('GET', '/api/v1/notifications')).body.items.map((n: any) => n.kind)).toContain('handoff');
    // The customer sees who has the case now, not the internal summary.
    const view = await customer('GET', `/api/v1/portal/tickets/${t.id}/timeline`);
    expect(view.body.entries.some((e: any) => e.kind === 'note')).toBe(false);
    expect(view.body.entries.find((e: any) => e.metadata.event === 'handoff')?.metadata.toName).toBe('Tom Berg, Billing');
    const messages = await agent('GET', `/api/v1/tickets/${t.id}/messages`);
    expect(messages.body.items.find((m: any) => m.kind === 'note')?.bodyText).toContain('check the invoice run');
  });

  it('keeps the team when a case goes to a person without naming one, or moves it to the person\'s team', async () => {
    const colleague = await makeUser(r.ctx.db, 'agent', { email: 'ida@staff.example', name: 'Ida Holm', teamIds: [supportId, billingId] });
    const t = await newTicket();
    const summary = 'Customer reports the spindle stops after an hour; logs are attached.';
    const toColleague = await agent('POST', `/api/v1/tickets/${t.id}/transfer`, { assigneeId: colleague.id, summary });
    expect(toColleague.status).toBe(200);
    expect(toColleague.body.assignee?.id).toBe(colleague.id);
    expect(toColleague.body.teamId).toBe(supportId);
    // Tom is only in Billing: the case follows him there rather than losing its team.
    const toTom = await agent('POST', `/api/v1/tickets/${t.id}/transfer`, { assigneeId: otherAgentId, summary });
    expect(toTom.body.teamId).toBe(billingId);
    // Saying "no team" explicitly still clears it.
    const cleared = await agent('POST', `/api/v1/tickets/${t.id}/transfer`, { assigneeId: agentId, teamId: null, summary });
    expect(cleared.body.teamId).toBeNull();
  });

  it('detects ping-pong and weighs contacts against the culture', async () => {
    // A contact of their own: the culture engine learns from a contact's past cases, and other tests add cases.
    const caller = await makeContact(r.ctx.db, { organisationId, name: 'Priya Nair', country: 'IN' });
    const t = await newTicket({ contactId: caller.id });
    const cmd = { db: r.ctx.db, registry: r.ctx.registry, actorUserId: null };
    for (const text of ['Any news?', 'Please call me back.', 'It is still down!']) {
      await addMessage(cmd, t.id, { kind: 'message', direction: 'inbound', channel: 'phone', author: { contactId: caller.id }, bodyText: text });
    }
    const summary = 'Customer reports the loom controller fails at start-up; logs attached.';
    await agent('POST', `/api/v1/tickets/${t.id}/transfer`, { assigneeId: otherAgentId, teamId: billingId, summary });
    await agent('POST', `/api/v1/tickets/${t.id}/transfer`, { assigneeId: agentId, teamId: supportId, summary });
    const res = await agent('GET', `/api/v1/tickets/${t.id}/patience`);
    expect(res.status).toBe(200);
    // India: three expected contacts per case; four contacts use one budget of repeats (25 points).
    expect(res.body.facts).toMatchObject({ customerContacts: 4, expectedContacts: 3, transfers: 2, contactsByChannel: { phone: 3 } });
    // The culture engine answers per customer when it is running, else the country policy does.
    expect(['customer', 'country']).toContain(res.body.facts.expectedContactsSource);
    expect(res.body.facts.pingPongs).toEqual([expect.objectContaining({ kind: 'user', ownerId: agentId, fromId: otherAgentId })]);
    expect(res.body.reasons.map((x: any) => x.code)).toEqual(expect.arrayContaining(['repeat_contacts', 'ping_pong', 'transfers']));
    // The customer's first unanswered message starts the wait (it costs nothing in its first minutes).
    expect(res.body.facts.waitingSince).not.toBeNull();
    expect(res.body.reasons.find((x: any) => x.code === 'repeat_contacts')).toEqual({ code: 'repeat_contacts', points: 25, values: { contacts: 4, expected: 3 } });
    expect(res.body.remedy.steps.map((s: any) => s.action)).toContain('single_owner');
    expect(res.body.score).toBeLessThan(60);
  });

  it('keeps another organisation out of a customer timeline', async () => {
    const t = await newTicket();
    expect((await stranger('GET', `/api/v1/portal/tickets/${t.id}/timeline`)).status).toBe(404);
    expect((await customer('GET', `/api/v1/tickets/${t.id}/patience`)).status).toBe(403);
    expect((await customer('POST', `/api/v1/tickets/${t.id}/transfer`, { teamId: billingId, summary: 'x'.repeat(40) })).status).toBe(403);
  });

  it('hands urgent tickets of a team whose day is over to the team on shift, with a summary', async () => {
    const today = WEEKDAYS[(new Date().getUTCDay() + 6) % 7]!;
    const notToday = WEEKDAYS.filter((d) => d !== today);
    // "Day team" works every day but today (UTC), so it is off shift now whatever time the test runs.
    const day = await admin('POST', '/api/v1/calendars', { name: 'Day team', definition: { timeZone: 'UTC', hours: Object.fromEntries(notToday.map((d) => [d, [['00:00', '24:00']]])) } });
    const night = await admin('POST', '/api/v1/calendars', { name: 'Always on', definition: { timeZone: 'UTC', alwaysOpen: true } });
    expect((await admin('PUT', `/api/v1/team-shifts/${supportId}`, { calendarId: day.body.id, rotation: 1 })).status).toBe(200);
    expect((await admin('PUT', `/api/v1/team-shifts/${billingId}`, { calendarId: night.body.id, rotation: 2 })).status).toBe(200);
    const urgent = await newTicket({ priority: 'urgent' });
    const normal = await newTicket({ priority: 'normal' });
    const moved = await runFollowTheSun({ db: r.ctx.db, registry: r.ctx.registry });
    expect(moved.map((m) => m.ticketId)).toContain(urgent.id);
    expect(moved.map((m) => m.ticketId)).not.toContain(normal.id);
    const after = await agent('GET', `/api/v1/tickets/${urgent.id}`);
    expect(after.body.team).toEqual({ id: billingId, name: 'Billing' });
    expect(after.body.assignee).toBeNull();
    const handoffs = await agent('GET', `/api/v1/tickets/${urgent.id}/handoffs`);
    expect(handoffs.body.items[0]).toMatchObject({ kind: 'follow_the_sun', fromTeamId: supportId, toTeamId: billingId });
    expect(handoffs.body.items[0].summary).toContain(`Case: ${urgent.subject}`);
    // The rotation moving the case is not a transfer the customer should resent.
    const patience = await agent('GET', `/api/v1/tickets/${urgent.id}/patience`);
    expect(patience.body.facts).toMatchObject({ transfers: 0, pingPongs: [] });
    // Nothing is left to move on a second run.
    expect((await runFollowTheSun({ db: r.ctx.db, registry: r.ctx.registry })).map((m) => m.ticketId)).not.toContain(urgent.id);
    await admin('DELETE', `/api/v1/team-shifts/${supportId}`);
    await admin('DELETE', `/api/v1/team-shifts/${billingId}`);
  });
});
