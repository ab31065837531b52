/**
 * Issue 10, defect 2: a write that names another organisation's record (a site, an asset, a
 * contact) or a record that cannot take part (a customer as assignee, a missing team) is refused
 * with 400, the same answer for an unknown id and a foreign one, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets } from '../../src/customers/schema.js';
import { newId } from '../../src/db/ids.js';
import { tickets } from '../../src/tickets/schema.js';
import { makeContact, makeOrganisation, makeSite, makeTeam, makeTicket, makeUser } from '../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

describe.each(databaseKinds)('references to other organisations’ records on %s', (kind) => {
  let r: TestRapport;
  let customer: ReturnType<TestRapport['as']>;
  let agent: ReturnType<TestRapport['as']>;
  const own = { organisationId: '', siteId: '', assetId: '', contactId: '' };
  const foreign = { organisationId: '', siteId: '', assetId: '', contactId: '' };
  let customerUserId = '';
  let ticketId = '';

  async function makeCompany(name: string) {
    const org = await makeOrganisation(r.ctx.db, { name });
    const site = await makeSite(r.ctx.db, org.id);
    const [asset] = await r.ctx.db.insert(assets).values({ id: newId(), organisationId: org.id, siteId: site.id, model: 'CNC-5', serial: `S-${name}` }).returning();
    const contact = await makeContact(r.ctx.db, { organisationId: org.id });
    return { organisationId: org.id, siteId: site.id, assetId: asset!.id, contactId: contact.id };
  }
  const ticketCount = async () => (await r.ctx.db.select({ id: tickets.id }).from(tickets)).length;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    Object.assign(own, await makeCompany('Galil Medical'));
    Object.assign(foreign, await makeCompany('Rival GmbH'));
    const customerUser = await makeUser(r.ctx.db, 'customer', { organisationId: own.organisationId, contactId: own.contactId, email: 'noa@galil.example' });
    customerUserId = customerUser.id;
    await makeUser(r.ctx.db, 'agent', { email: 'agent@staff.example' });
    customer = r.as(await r.login('noa@galil.example'));
    agent = r.as(await r.login('agent@staff.example'));
    ticketId = (await makeTicket(r.ctx, { organisationId: own.organisationId, contactId: own.contactId, siteId: own.siteId })).id;
  });
  afterAll(async () => r?.stop());

  it('refuses a customer’s ticket on another organisation’s site or asset, and keeps nothing', async () => {
    const before = await ticketCount();
    for (const field of ['siteId', 'assetId'] as const) {
      const res = await customer('POST', '/api/v1/tickets', { subject: 'Noise', body: 'It squeaks.', [field]: foreign[field] });
      expect(res.status, field).toBe(400);
      expect(res.body.errors[0].path).toBe(`body.${field}`);
      // An unknown id gets the very same answer: no way to tell which ids other companies have.
      const unknown = await customer('POST', '/api/v1/tickets', { subject: 'Noise', body: 'It squeaks.', [field]: newId() });
      expect(unknown.status).toBe(400);
      expect(unknown.body.detail.replace(/[0-9a-f-]{36}/, 'ID')).toBe(res.body.detail.replace(/[0-9a-f-]{36}/, 'ID'));
    }
    expect(await ticketCount()).toBe(before);
    const ok = await customer('POST', '/api/v1/tickets', { subject: 'Noise', body: 'It squeaks.', siteId: own.siteId, assetId: own.assetId });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ siteId: own.siteId, assetId: own.assetId, organisationId: own.organisationId });
  });

  it('refuses staff a ticket whose contact, site or asset belongs to another organisation than the ticket', async () => {
    for (const field of ['siteId', 'assetId', 'contactId'] as const) {
      const res = await agent('POST', '/api/v1/tickets', { subject: 'Mixed up', body: 'x', organisationId: own.organisationId, [field]: foreign[field] });
      expect(res.status, field).toBe(400);
      expect(res.body.errors[0].path).toBe(`body.${field}`);
    }
    expect((await agent('POST', '/api/v1/tickets', { subject: 'Unknown org', body: 'x', organisationId: newId() })).status).toBe(400);
  });

  it('refuses a change that points a ticket at another organisation’s record, a customer assignee or a missing team', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ siteId: foreign.siteId }, 'body.siteId'],
      [{ assetId: foreign.assetId }, 'body.assetId'],
      [{ contactId: foreign.contactId }, 'body.contactId'],
      [{ assigneeId: customerUserId }, 'body.assigneeId'],
      [{ teamId: newId() }, 'body.teamId'],
    ];
    for (const [patch, path] of cases) {
      const res = await agent('PATCH', `/api/v1/tickets/${ticketId}`, patch);
      expect(res.status, path).toBe(400);
      expect(res.body.errors[0].path).toBe(path);
    }
    const after = (await agent('GET', `/api/v1/tickets/${ticketId}`)).body;
    expect(after).toMatchObject({ siteId: own.siteId, assetId: null, contactId: own.contactId, assigneeId: null, teamId: null });
    // Moving the case to the other company together with its site is one consistent change.
    const moved = await agent('PATCH', `/api/v1/tickets/${ticketId}`, { organisationId: foreign.organisationId, siteId: foreign.siteId, contactId: foreign.contactId });
    expect(moved.status).toBe(200);
  });

  it('refuses a bulk change to a customer assignee, and a transfer to one', async () => {
    const team = await makeTeam(r.ctx.db);
    const other = await makeTicket(r.ctx, { organisationId: own.organisationId });
    const bulk = await agent('POST', '/api/v1/tickets/bulk', { ticketIds: [other.id], patch: { assigneeId: customerUserId } });
    expect(bulk.status).toBe(400);
    const transfer = await agent('POST', `/api/v1/tickets/${other.id}/transfer`, { assigneeId: customerUserId, teamId: team.id, summary: 'Customer wants the spindle replaced; parts ordered, waiting on delivery.' });
    expect(transfer.status).toBe(400);
    expect((await agent('GET', `/api/v1/tickets/${other.id}`)).body.assigneeId).toBeNull();
  });
});
