import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/audit/audit.js';
import { addMessage, createTicket } from '../../src/tickets/commands.js';
import { makeContact, makeOrganisation, makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

type Call = ReturnType<TestRapport['as']>;

describe.each(databaseKinds)('culture API on %s', (kind) => {
  let r: TestRapport;
  let admin: Call;
  let manager: Call;
  let agent: Call;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    const m = await makeUser(r.ctx.db, 'manager');
    manager = r.as(await r.login(m.email));
    const a = await makeUser(r.ctx.db, 'agent');
    agent = r.as(await r.login(a.email));
  });
  afterAll(async () => r?.stop());

  /** A ticket for the contact with `n` inbound messages on `channel`. */
  async function contactHistory(contactId: string, organisationId: string | null, channel: string, n: number, body = 'Hello, an update on the broken scanner please.\nThanks\nKasia') {
    const { ticket } = await createTicket({ db: r.ctx.db, registry: r.ctx.registry, actorUserId: null }, {
      subject: 'Scanner', contactId, organisationId, channel,
      message: { kind: 'message', direction: 'inbound', channel, author: { contactId, name: 'Customer' }, bodyText: body },
    });
    for (let i = 1; i < n; i++) {
      await addMessage({ db: r.ctx.db, registry: r.ctx.registry, actorUserId: null }, ticket.id, { kind: 'message', direction: 'inbound', channel, author: { contactId, name: 'Customer' }, bodyText: body });
    }
    return ticket;
  }

  it('lists countries with data, paginated, searchable and filterable', async () => {
    const first = await agent('GET', '/api/v1/culture/countries?limit=50');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await agent('GET', `/api/v1/culture/countries?limit=200&cursor=${first.body.nextCursor}`);
    const codes = [...first.body.items, ...second.body.items].map((c: any) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(120);
    expect(codes).toEqual([...codes].sort());
    const jp = (await agent('GET', '/api/v1/culture/countries?q=japan')).body.items;
    expect(jp).toEqual([expect.objectContaining({ code: 'JP', coverage: 'measured', register: 'honorific', firstChannel: 'email' })]);
    const proxies = (await agent('GET', '/api/v1/culture/countries?coverage=proxy&limit=200')).body.items.map((c: any) => c.code);
    expect(proxies).toEqual(expect.arrayContaining(['AE', 'KE', 'QA']));
    const all = await agent('GET', '/api/v1/culture/countries?all=true&limit=200&q=kosovo');
    expect(all.body.items).toEqual([expect.objectContaining({ code: 'XK', coverage: 'default' })]);
  });

  it('answers a profile with sources and attribution; 400 for malformed, 404 for unknown codes', async () => {
    const de = await agent('GET', '/api/v1/culture/countries/de');
    expect(de.status).toBe(200);
    expect(de.body.profile.country).toBe('DE');
    expect(de.body.profile.hofstede.pdi).toEqual({ value: 35, sources: ['hofstede-2015'], confidence: 'measured' });
    expect(de.body.sources.map((s: any) => s.id)).toEqual(expect.arrayContaining(['hofstede-2015', 'lewis-2006', 'cldr-48', 'date-holidays']));
    expect(de.body.attribution).toMatch(/Hofstede/);
    const bad = await agent('GET', '/api/v1/culture/countries/DEU');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: 400, errors: [{ path: 'params.iso2' }] });
    expect(bad.body.detail).toMatch(/not an ISO 3166-1 alpha-2/);
    const unknown = await agent('GET', '/api/v1/culture/countries/QQ/policy');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/No country has/);
  });

  it("answers a country's policy, and the default plus what is missing for a sparse country", async () => {
    const cn = await agent('GET', '/api/v1/culture/countries/CN/policy');
    expect(cn.status).toBe(200);
    expect(cn.body.policy.channels.value[0]).toBe('wechat');
    expect(cn.body.policy.channels.why).toMatch(/WeChat/);
    const xk = await agent('GET', '/api/v1/culture/countries/XK/policy');
    expect(xk.body).toMatchObject({ country: 'XK', isDefault: true });
    expect(xk.body.missing.map((m: any) => m.field)).toEqual(expect.arrayContaining(['hofstede.pdi', 'lewis']));
    expect(xk.body.policy.register.why.length).toBeGreaterThan(10);
  });

  it('lets managers edit curated fields (validated, audited) and agents not', async () => {
    const denied = await agent('PUT', '/api/v1/culture/countries/FI/fields/lewis', { value: { linearActive: 0.2, multiActive: 0.7, reactive: 0.1 } });
    expect(denied.status).toBe(403);
    const invalid = await manager('PUT', '/api/v1/culture/countries/FI/fields/lewis', { value: { linearActive: 0.5, multiActive: 0.5, reactive: 0.5 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].message).toMatch(/sum to 1/);
    const unknownField = await manager('PUT', '/api/v1/culture/countries/FI/fields/favouriteFood', { value: 'salmiakki' });
    expect(unknownField.status).toBe(400);
    const ok = await manager('PUT', '/api/v1/culture/countries/FI/fields/lewis', { value: { linearActive: 0.2, multiActive: 0.7, reactive: 0.1 }, note: 'Our Finnish customers phone' });
    expect(ok.status).toBe(200);
    expect(ok.body.profile.lewis).toMatchObject({ sources: ['manager-edit'], confidence: 'curated' });
    expect(ok.body.edits).toEqual([expect.objectContaining({ field: 'lewis', note: 'Our Finnish customers phone', updatedBy: expect.objectContaining({ name: expect.any(String) }) })]);
    const policy = await agent('GET', '/api/v1/culture/countries/FI/policy');
    expect(policy.body.policy.channels.value[0]).toBe('phone');
    const audit = await listAudit(r.ctx.db, 'culture_country', 'FI');
    expect(audit.at(-1)).toMatchObject({ action: 'culture_country.edit', changes: { lewis: { from: null, to: { multiActive: 0.7 } } } });
    const reverted = await manager('DELETE', '/api/v1/culture/countries/FI/fields/lewis');
    expect(reverted.status).toBe(200);
    expect((await agent('GET', '/api/v1/culture/countries/FI/policy')).body.policy.channels.value[0]).toBe('email');
    expect((await manager('DELETE', '/api/v1/culture/countries/FI/fields/lewis')).status).toBe(404);
  });

  it("resolves a contact's effective policy: country → organisation → contact → observed", async () => {
    const org = await makeOrganisation(r.ctx.db, { country: 'DE' });
    const contact = await makeContact(r.ctx.db, { organisationId: org.id, country: 'DE', languages: ['de'], givenName: 'Katarzyna', familyName: 'Nowak' });
    const base = await agent('GET', `/api/v1/contacts/${contact.id}/policy`);
    expect(base.status).toBe(200);
    expect(base.body.country).toBe('DE');
    expect(base.body.steps.map((s: any) => s.layer)).toEqual(['country', 'organisation', 'contact', 'observed']);
    expect(base.body.policy.channels.value[0]).toBe('email');

    // Overrides: admins only, with a reason, on the organisation's and the contact's audit trail.
    expect((await manager('PUT', `/api/v1/organisations/${org.id}/culture-overrides/register`, { value: 'informal', reason: 'Start-up, du everywhere' })).status).toBe(403);
    const noReason = await admin('PUT', `/api/v1/organisations/${org.id}/culture-overrides/register`, { value: 'informal', reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('body.reason');
    const badValue = await admin('PUT', `/api/v1/contacts/${contact.id}/culture-overrides/channels`, { value: ['pigeon'], reason: 'x'.repeat(5) });
    expect(badValue.status).toBe(400);
    const set = await admin('PUT', `/api/v1/organisations/${org.id}/culture-overrides/register`, { value: 'informal', reason: 'Start-up, du everywhere' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ field: 'register', value: 'informal', reason: 'Start-up, du everywhere' });
    const withOrg = await agent('GET', `/api/v1/contacts/${contact.id}/policy`);
    expect(withOrg.body.policy.register.value).toBe('informal');
    expect(withOrg.body.origins.register).toBe('organisation');
    expect(withOrg.body.steps[1].changes[0]).toMatchObject({ field: 'register', from: 'formal', to: 'informal', why: expect.stringMatching(/Start-up/) });
    const orgOverrides = await admin('GET', `/api/v1/organisations/${org.id}/culture-overrides`);
    expect(orgOverrides.body.items).toHaveLength(1);
    const trail = await listAudit(r.ctx.db, 'organisation', org.id);
    expect(trail.at(-1)).toMatchObject({ action: 'culture_override.set', changes: { 'culture.register': { from: null, to: { value: 'informal' } } } });

    // Observed behaviour: five phone calls and one email → phone first, with the counts.
    await contactHistory(contact.id, org.id, 'phone', 5, 'Call: customer asked for an update.');
    await contactHistory(contact.id, org.id, 'email', 1);
    const observed = await agent('GET', `/api/v1/contacts/${contact.id}/policy`);
    expect(observed.body.observed).toMatchObject({ contacts: 6, channelCounts: { phone: 5, email: 1 } });
    expect(observed.body.policy.channels.value[0]).toBe('phone');
    expect(observed.body.policy.channels.why).toBe('Calls rather than writes: 5 of the last 6 contacts were phone calls.');
    expect(observed.body.origins.channels).toBe('observed');

    // A contact override of channels wins over what was observed, and the step says so.
    await admin('PUT', `/api/v1/contacts/${contact.id}/culture-overrides/channels`, { value: ['email', 'phone'], reason: 'Legal needs written records' });
    const overridden = await agent('GET', `/api/v1/contacts/${contact.id}/policy`);
    expect(overridden.body.policy.channels.value[0]).toBe('email');
    expect(overridden.body.steps[3].skipped).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'channels' })]));
    expect((await admin('DELETE', `/api/v1/contacts/${contact.id}/culture-overrides/channels`)).status).toBe(204);
    expect((await admin('DELETE', `/api/v1/contacts/${contact.id}/culture-overrides/channels`)).status).toBe(404);
  });

  it('observes contacts per case, language and the signed name', async () => {
    const contact = await makeContact(r.ctx.db, { country: 'DE', languages: ['de'], givenName: 'Katarzyna', familyName: 'Nowak' });
    const polish = 'Dzień dobry, skaner w magazynie nadal nie działa po aktualizacji.\nPozdrawiam\nKasia';
    for (let i = 0; i < 3; i++) await contactHistory(contact.id, null, 'email', 4, polish);
    const res = await agent('GET', `/api/v1/contacts/${contact.id}/policy`);
    expect(res.body.observed).toMatchObject({ cases: 3, contactsPerCase: [4, 4, 4], languages: { pl: 10 }, signedName: 'Kasia' });
    expect(res.body.policy.expectedContacts.value).toBe(4);
    expect(res.body.policy.followUpCadence.value.mode).toBe('proactive-calls');
    expect(res.body.policy.salutation.value).toMatchObject({ language: 'pl', nameOverride: 'Kasia' });
    expect(res.body.steps[3].changes.map((c: any) => c.whyCode)).toEqual(expect.arrayContaining(['observed.contacts', 'observed.cadence', 'observed.language', 'observed.signedName']));
  });

  it('answers 404 for an unknown contact, 401 signed out, and 403 for customers', async () => {
    expect((await agent('GET', '/api/v1/contacts/01900000-0000-7000-8000-000000000000/policy')).status).toBe(404);
    expect((await r.as('')('GET', '/api/v1/culture/countries')).status).toBe(401);
    const org = await makeOrganisation(r.ctx.db);
    const customer = await makeUser(r.ctx.db, 'customer', { organisationId: org.id });
    const asCustomer = r.as(await r.login(customer.email));
    expect((await asCustomer('GET', '/api/v1/culture/countries/DE')).status).toBe(403);
  });
});
