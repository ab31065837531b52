import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

describe.each(databaseKinds)('customers, users and teams API on %s', (kind) => {
  let r: TestRapport;
  let admin: ReturnType<TestRapport['as']>;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
  });
  afterAll(async () => r?.stop());

  it('creates an organisation with a site, contact, contract and asset, and audits them', async () => {
    const org = await admin('POST', '/api/v1/organisations', { name: 'Järvinen Oy', country: 'fi', domains: ['jarvinen.example'] });
    expect(org.status).toBe(201);
    expect(org.body.country).toBe('FI');
    const site = await admin('POST', '/api/v1/sites', { organisationId: org.body.id, name: 'Helsinki mill', country: 'FI', timeZone: 'Europe/Helsinki' });
    expect(site.status).toBe(201);
    const contact = await admin('POST', '/api/v1/contacts', {
      organisationId: org.body.id, siteId: site.body.id, name: 'Mikko Järvinen', country: 'FI', languages: ['fi', 'en'], timeZone: 'Europe/Helsinki',
      phones: ['+358401234567'], emails: ['Mikko@Jarvinen.example'], preferredChannel: 'email', jobTitle: 'Tuotantopäällikkö',
    });
    expect(contact.status).toBe(201);
    expect(contact.body.emails).toEqual(['mikko@jarvinen.example']);
    const asset = await admin('POST', '/api/v1/assets', { organisationId: org.body.id, siteId: site.body.id, model: 'Roll-IQ', serial: 'RIQ-1', warrantyEndsOn: '2027-06-30' });
    expect(asset.status).toBe(201);
    const contract = await admin('POST', '/api/v1/contracts', {
      organisationId: org.body.id, name: 'Gold', slaTier: 'gold', coverage: 'business_hours', siteIds: [site.body.id], assetIds: [asset.body.id], startsOn: '2026-01-01',
    });
    expect(contract.status).toBe(201);
    const list = await admin('GET', `/api/v1/contacts?organisationId=${org.body.id}`);
    expect(list.body.items.map((c: any) => c.name)).toEqual(['Mikko Järvinen']);
    const patched = await admin('PATCH', `/api/v1/contacts/${contact.body.id}`, { jobTitle: 'Tehtaanjohtaja' });
    expect(patched.body.jobTitle).toBe('Tehtaanjohtaja');
  });

  it('rejects an unknown country, a bad time zone and a non-E.164 phone number', async () => {
    const org = await admin('POST', '/api/v1/organisations', { name: 'X', country: 'Germany' });
    expect(org.status).toBe(400);
    expect(org.body.errors[0].path).toBe('body.country');
    const { body: ok } = await admin('POST', '/api/v1/organisations', { name: 'Y' });
    const site = await admin('POST', '/api/v1/sites', { organisationId: ok.id, name: 'S', country: 'DE', timeZone: 'Europe/Atlantis' });
    expect(site.status).toBe(400);
    expect(site.body.detail).toMatch(/IANA/);
    const contact = await admin('POST', '/api/v1/contacts', { name: 'Z', phones: ['0221 123'] });
    expect(contact.status).toBe(400);
    expect(contact.body.errors[0].path).toBe('body.phones.0');
  });

  it('manages users and teams; only admins create users', async () => {
    const team = await admin('POST', '/api/v1/teams', { name: 'APAC', timeZone: 'Asia/Singapore' });
    expect(team.status).toBe(201);
    const user = await admin('POST', '/api/v1/users', { email: 'Aiko@Rapport.example', name: 'Aiko', role: 'agent', password: 'longenough', teamIds: [team.body.id] });
    expect(user.status).toBe(201);
    expect(user.body.email).toBe('aiko@rapport.example');
    expect(user.body.teamIds).toEqual([team.body.id]);
    expect(JSON.stringify(user.body)).not.toContain('password');
    const dup = await admin('POST', '/api/v1/users', { email: 'aiko@rapport.example', name: 'Aiko 2', role: 'agent' });
    expect(dup.status).toBe(409);
    const agent = r.as(await r.login('aiko@rapport.example', 'longenough'));
    const forbidden = await agent('POST', '/api/v1/users', { email: 'x@y.example', name: 'X', role: 'admin' });
    expect(forbidden.status).toBe(403);
    const teams = await agent('GET', '/api/v1/teams');
    expect(teams.body.items.find((t: any) => t.id === team.body.id).memberIds).toEqual([user.body.id]);
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const res = await r.as('')('GET', '/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/tickets/{id}/messages', '/api/v1/organisations']));
    // Every named schema a path refers to is in components (generated clients depend on it).
    const names = Object.keys(res.body.components?.schemas ?? {});
    const refs = [...JSON.stringify(res.body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !names.includes(r))).toEqual([]);
  });
});
