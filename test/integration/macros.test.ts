/**
 * Macros end to end on both databases: CRUD and visibility (personal vs shared), placeholders
 * checked on save, the variant chosen for a Polish and a Japanese ticket with the culture's form
 * of address, and apply changing the ticket (status, tags, promise) in one audited transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/audit/index.js';
import { makeContact, makeOrganisation, makeTeam, makeTicket, makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

type Call = ReturnType<TestRapport['as']>;

const serial = {
  title: 'Ask for serial number',
  scope: 'shared',
  variants: [
    { language: 'en', register: 'informal', body: 'Hi {{contact.name}}, the serial for {{ticket.number}}? {{agent.name}}' },
    { language: 'pl', register: 'formal', body: '{{contact.name}}, prosimy o numer seryjny ({{ticket.number}}). {{agent.name}}' },
    { language: 'ja', register: 'honorific', body: '{{contact.name}}\n製造番号をお知らせください（{{ticket.number}}）。' },
  ],
};

describe.each(databaseKinds)('macros on %s', (kind) => {
  let r: TestRapport;
  let admin: Call;
  let manager: Call;
  let agent: Call;
  let otherAgent: Call;
  let customer: Call;
  let sharedId: string;
  let polishTicket: { id: string; number: number };
  let japaneseTicket: { id: string; number: number };
  let otherOrgTicketId: string;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    const db = r.ctx.db;
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    const teamId = (await makeTeam(db, { name: 'EMEA' })).id;
    manager = r.as(await r.login((await makeUser(db, 'manager', { name: 'Maja Manager' })).email));
    agent = r.as(await r.login((await makeUser(db, 'agent', { name: 'Tomasz Nowicki', teamIds: [teamId] })).email));
    otherAgent = r.as(await r.login((await makeUser(db, 'agent', { name: 'Lea Other' })).email));
    const pl = await makeOrganisation(db, { name: 'Huta Kraków', country: 'PL' });
    const plContact = await makeContact(db, { organisationId: pl.id, name: 'Anna Kowalska', givenName: 'Anna', familyName: 'Kowalska', country: 'PL', languages: ['pl'], timeZone: 'Europe/Warsaw' });
    polishTicket = (await makeTicket(r.ctx, { contactId: plContact.id, organisationId: pl.id, language: 'pl' }));
    const jp = await makeOrganisation(db, { name: 'Tanaka Seimitsu', country: 'JP' });
    const jpContact = await makeContact(db, { organisationId: jp.id, name: '田中 優希', givenName: '優希', familyName: '田中', country: 'JP', languages: ['ja'], timeZone: 'Asia/Tokyo' });
    japaneseTicket = (await makeTicket(r.ctx, { contactId: jpContact.id, organisationId: jp.id, language: 'ja' }));
    customer = r.as(await r.login((await makeUser(db, 'customer', { organisationId: pl.id, contactId: plContact.id })).email));
    otherOrgTicketId = japaneseTicket.id;
  });
  afterAll(async () => r?.stop());

  it('a manager creates a shared macro; an agent may not share one', async () => {
    const created = await manager('POST', '/api/v1/macros', serial);
    expect(created.status).toBe(201);
    sharedId = created.body.id;
    expect(created.body.permissions).toEqual({ update: true, delete: true, apply: true });
    expect((await agent('POST', '/api/v1/macros', serial)).status).toBe(403);
    const seen = await agent('GET', `/api/v1/macros/${sharedId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.permissions).toMatchObject({ update: false, delete: false, apply: true });
    expect((await agent('PATCH', `/api/v1/macros/${sharedId}`, { title: 'Mine now' })).status).toBe(403);
  });

  it('refuses an unknown placeholder with a clear 400', async () => {
    const res = await agent('POST', '/api/v1/macros', { title: 'Bad', variants: [{ language: 'en', register: 'formal', body: 'Dear {{contact.firstName}}' }] });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('{{contact.firstName}}');
    expect(res.body.errors[0].path).toBe('body.variants.0.body');
    const patch = await manager('PATCH', `/api/v1/macros/${sharedId}`, { variants: [{ language: 'en', register: 'formal', body: '{{ticket.id}}' }] });
    expect(patch.status).toBe(400);
    // An action may only assign to someone on staff, and only to teams that exist.
    const customerUserId = (await customer('GET', '/api/v1/auth/me')).body.user.id;
    const toCustomer = await agent('POST', '/api/v1/macros', { title: 'x', actions: { assigneeId: customerUserId }, variants: [{ language: 'en', register: 'formal', body: 'x' }] });
    expect(toCustomer.status).toBe(400);
    expect(toCustomer.body.errors[0].path).toBe('body.actions.assigneeId');
    expect((await agent('POST', '/api/v1/macros', { title: 'x', actions: { teamId: '019a0000-0000-7000-8000-000000000000' }, variants: [{ language: 'en', register: 'formal', body: 'x' }] })).status).toBe(400);
  });

  it("an agent's personal macro is theirs alone; list and search see shared + own", async () => {
    const mine = await agent('POST', '/api/v1/macros', { title: 'My sign-off', variants: [{ language: 'en', register: 'formal', body: 'Best, {{agent.name}}' }] });
    expect(mine.status).toBe(201);
    expect(mine.body.scope).toBe('personal');
    const id = mine.body.id;
    expect((await otherAgent('GET', `/api/v1/macros/${id}`)).status).toBe(404);
    expect((await otherAgent('PATCH', `/api/v1/macros/${id}`, { title: 'x' })).status).toBe(404);
    expect((await otherAgent('POST', `/api/v1/tickets/${polishTicket.id}/macros/${id}/preview`, {})).status).toBe(404);
    // Managers do not read other people's personal macros either.
    expect((await manager('GET', `/api/v1/macros/${id}`)).status).toBe(404);
    const list = (await otherAgent('GET', '/api/v1/macros')).body.items.map((m: { id: string }) => m.id);
    expect(list).toContain(sharedId);
    expect(list).not.toContain(id);
    expect((await agent('GET', '/api/v1/macros?q=sign-off')).body.items.map((m: { id: string }) => m.id)).toEqual([id]);
    expect((await agent('GET', '/api/v1/macros?q=seryjny')).body.items.map((m: { id: string }) => m.id)).toEqual([sharedId]);
    const page = await agent('GET', '/api/v1/macros?limit=1');
    expect(page.body.items).toHaveLength(1);
    const next = await agent('GET', `/api/v1/macros?limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    // Sharing a personal macro is for managers.
    expect((await agent('PATCH', `/api/v1/macros/${id}`, { scope: 'shared' })).status).toBe(403);
    expect((await agent('DELETE', `/api/v1/macros/${id}`)).status).toBe(204);
    expect((await agent('GET', `/api/v1/macros/${id}`)).status).toBe(404);
  });

  it('previews the Polish formal and the Japanese honorific variant, saying why', async () => {
    const pl = await agent('POST', `/api/v1/tickets/${polishTicket.id}/macros/${sharedId}/preview`, { address: { gender: 'female' } });
    expect(pl.status).toBe(200);
    expect(pl.body).toMatchObject({ variant: { index: 1, language: 'pl', register: 'formal' }, reason: 'exact', missing: [] });
    expect(pl.body.text).toBe(`Pani, prosimy o numer seryjny (#${polishTicket.number}). Tomasz Nowicki`);
    const plural = await agent('POST', `/api/v1/tickets/${polishTicket.id}/macros/${sharedId}/preview`, {});
    expect(plural.body.text.startsWith('Państwo,')).toBe(true);
    const ja = await agent('POST', `/api/v1/tickets/${japaneseTicket.id}/macros/${sharedId}/preview`, {});
    expect(ja.body).toMatchObject({ variant: { language: 'ja', register: 'honorific' }, wanted: { language: 'ja' } });
    expect(ja.body.text.split('\n')[0]).toBe('田中様');
  });

  it('applies actions in one audited change: pending, tags, a promise in 8 business hours', async () => {
    const made = await manager('POST', '/api/v1/macros', {
      title: 'Waiting for the part', scope: 'shared', actions: { status: 'pending', addTags: ['waiting-for-part'], promiseInBusinessHours: 8 },
      variants: [{ language: 'pl', register: 'formal', body: 'Odezwiemy się do {{promise.due}}.' }, { language: 'en', register: 'formal', body: 'We will update you by {{promise.due}}.' }],
    });
    expect(made.status).toBe(201);
    const preview = await agent('POST', `/api/v1/tickets/${polishTicket.id}/macros/${made.body.id}/preview`, {});
    expect(preview.body.promiseDueAt).not.toBeNull();
    expect((await agent('GET', `/api/v1/tickets/${polishTicket.id}/promises`)).body.items).toHaveLength(0);
    const applied = await agent('POST', `/api/v1/tickets/${polishTicket.id}/macros/${made.body.id}/apply`, {});
    expect(applied.status).toBe(200);
    expect(applied.body.ticket.status).toBe('pending');
    expect(applied.body.ticket.tags).toContain('waiting-for-part');
    expect(applied.body.text).toMatch(/^Odezwiemy się do .*\d/);
    expect(applied.body.text).not.toContain('{{');
    const promises = (await agent('GET', `/api/v1/tickets/${polishTicket.id}/promises`)).body.items;
    expect(promises).toHaveLength(1);
    expect(new Date(promises[0].dueAt).getTime()).toBeGreaterThan(Date.now());
    const trail = await listAudit(r.ctx.db, 'ticket', polishTicket.id);
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['macro', 'promise']));
  });

  it('customers never reach macros', async () => {
    expect((await customer('GET', '/api/v1/macros')).status).toBe(403);
    expect((await customer('POST', '/api/v1/macros', serial)).status).toBe(403);
    expect([403, 404]).toContain((await customer('GET', `/api/v1/macros/${sharedId}`)).status);
    expect([403, 404]).toContain((await customer('POST', `/api/v1/tickets/${polishTicket.id}/macros/${sharedId}/preview`, {})).status);
    expect((await customer('POST', `/api/v1/tickets/${otherOrgTicketId}/macros/${sharedId}/apply`, {})).status).toBe(404);
    expect((await admin('GET', '/api/v1/macros/019a0000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
