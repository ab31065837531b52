/**
 * Issue 10, GDPR: a contact's export (one zip: data.json and the attachments), erasure (then a
 * scan of every text, text[], JSON and base64 column of every table for the person's names,
 * addresses and numbers finds nothing), retention per organisation as a job, and the processing
 * log — with who may do each.
 */
import { eq, sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../src/customers/schema.js';
import { contactIdentities, inboundFailures } from '../../src/channels/schema.js';
import { queryRows } from '../../src/db/index.js';
import { newId } from '../../src/db/ids.js';
import { mergeIdentifiers, mentions, nameForms } from '../../src/privacy/identifiers.js';
import { findMentions, textColumns } from '../../src/privacy/sweep.js';
import { auditLog } from '../../src/audit/schema.js';
import { tickets } from '../../src/tickets/schema.js';
import { users } from '../../src/users/schema.js';
import { addMessage } from '../../src/tickets/index.js';
import { ingestEmail } from '../../src/channels/email/ingest.js';
import { emailOriginals } from '../../src/channels/schema.js';
import { makeContact, makeOrganisation, makeTicket, makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

const raw = (s: string) => Buffer.from(s).toString('base64');

describe.each(databaseKinds)('data protection on %s', (kind) => {
  let r: TestRapport;
  let admin: ReturnType<TestRapport['as']>;
  let noaId = '';
  let noaCookie = '';

  beforeAll(async () => {
    r = await startTestRapport(kind, { demo: true });
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    const [noa] = await r.ctx.db.select().from(contacts).where(sql`${contacts.emails} @> array['noa@galil-medical.example']::text[]`);
    noaId = noa!.id;
    noaCookie = await r.login('noa@galil-medical.example');
  });
  afterAll(async () => r?.stop());
  // The demo leaves many jobs due (deliveries, SLA checks): run them all, not just the first batch.
  const drain = async () => {
    while ((await r.ctx.jobs.runDue(500)) > 0);
  };

  it('the demo shows policies, an export, an erasure and a retention run in the processing log', async () => {
    const log = await admin('GET', '/api/v1/privacy/log?limit=50');
    expect(log.status).toBe(200);
    const kinds = log.body.items.map((e: { kind: string; status: string }) => `${e.kind}:${e.status}`);
    expect(kinds).toEqual(expect.arrayContaining(['export:done', 'erase:done', 'retention:done']));
    const policies = await admin('GET', '/api/v1/privacy/retention');
    expect(policies.body.items.find((p: { scope: string }) => p.scope === 'default')).toMatchObject({ closedCaseMonths: 36, rawFailureDays: 90 });
    expect(policies.body.items.filter((p: { organisationId: string | null }) => p.organisationId)).toHaveLength(1);
  });

  it('exports everything about a contact as one zip, attachments included; a customer gets their own without internal notes', async () => {
    const [ticket] = await r.ctx.db.select().from(tickets).where(eq(tickets.contactId, noaId)).limit(1);
    const file = Buffer.from('%PDF-1.4 service report of Noa');
    await addMessage({ db: r.ctx.db, registry: r.ctx.registry, actorUserId: null }, ticket!.id, {
      kind: 'message', direction: 'inbound', channel: 'email', author: { contactId: noaId }, bodyText: 'Report attached.',
      attachments: [{ filename: 'report.pdf', contentType: 'application/pdf', content: file }],
    });
    await addMessage({ db: r.ctx.db, registry: r.ctx.registry, actorUserId: null }, ticket!.id, { kind: 'note', direction: 'internal', channel: 'internal', author: { name: 'Desk' }, bodyText: 'Internal: she sounded upset.' });

    const res = await r.app.inject({ method: 'GET', url: `/api/v1/contacts/${noaId}/export`, headers: { cookie: await r.login(adminCredentials.email, adminCredentials.password) } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contact-/);
    const zip = unzipSync(new Uint8Array(res.rawPayload));
    const data = JSON.parse(strFromU8(zip['data.json']!));
    expect(data.contact.emails).toContain('noa@galil-medical.example');
    expect(data.cases.length).toBeGreaterThan(0);
    expect(data.messages.some((m: { bodyText: string }) => m.bodyText === 'Internal: she sounded upset.')).toBe(true);
    expect(data.accounts[0].email).toBe('noa@galil-medical.example');
    const attachment = data.attachments.find((a: { filename: string }) => a.filename === 'report.pdf');
    expect(Buffer.from(zip[attachment.path]!)).toEqual(file);

    const own = await r.app.inject({ method: 'GET', url: `/api/v1/contacts/${noaId}/export`, headers: { cookie: noaCookie } });
    expect(own.statusCode).toBe(200);
    const ownData = JSON.parse(strFromU8(unzipSync(new Uint8Array(own.rawPayload))['data.json']!));
    expect(ownData.internalEntries).toBe(false);
    expect(ownData.messages.some((m: { direction: string }) => m.direction === 'internal')).toBe(false);
    expect(ownData.handoffs).toBeUndefined();

    const log = await admin('GET', `/api/v1/privacy/log?kind=export&contactId=${noaId}`);
    expect(log.body.items).toHaveLength(2);
    expect(log.body.items[0].counts.files).toBe(1);
  });

  it('refuses exports and erasures to whoever may not, without saying whether the contact exists', async () => {
    const colleague = await makeContact(r.ctx.db, { organisationId: (await r.ctx.db.select().from(contacts).where(eq(contacts.id, noaId)))[0]!.organisationId, emails: ['colleague@galil-medical.example'] });
    const customer = r.as(noaCookie);
    expect((await customer('GET', `/api/v1/contacts/${colleague.id}/export`)).status).toBe(404);
    expect((await customer('GET', `/api/v1/contacts/${newId()}/export`)).status).toBe(404);
    expect((await customer('POST', `/api/v1/contacts/${noaId}/erasure`, { confirm: true })).status).toBe(403);
    expect((await customer('GET', '/api/v1/privacy/log')).status).toBe(403);
    const agent = r.as(await r.login('tomasz@rapport.example'));
    expect((await agent('GET', `/api/v1/contacts/${noaId}/export`)).status).toBe(403);
    expect((await agent('POST', `/api/v1/contacts/${noaId}/erasure`, { confirm: true })).status).toBe(403);
    expect((await agent('PUT', '/api/v1/privacy/retention/default', { closedCaseMonths: 1, rawFailureDays: 1 })).status).toBe(403);
    expect((await admin('POST', `/api/v1/contacts/${noaId}/erasure`, {})).status).toBe(400);
    expect((await admin('POST', `/api/v1/contacts/${newId()}/erasure`, { confirm: true })).status).toBe(404);
    expect((await admin('PUT', `/api/v1/privacy/retention/organisations/${newId()}`, { closedCaseMonths: 6 })).status).toBe(404);
    expect((await admin('PUT', '/api/v1/privacy/retention/default', { closedCaseMonths: 0, rawFailureDays: null })).status).toBe(400);
    expect((await admin('GET', '/api/v1/privacy/log?cursor=garbage')).status).toBe(400);
  });

  it('erases a contact: afterwards no text, array, JSON or raw column of any table mentions them', async () => {
    const [noa] = await r.ctx.db.select().from(contacts).where(eq(contacts.id, noaId));
    const identities = await r.ctx.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, noaId));
    const accounts = await r.ctx.db.select().from(users).where(eq(users.contactId, noaId));
    const ids = mergeIdentifiers([
      { names: nameForms(noa!.name, noa!.givenName, noa!.familyName), emails: noa!.emails, phones: noa!.phones },
      { names: identities.map((i) => i.label ?? ''), emails: identities.filter((i) => i.kind === 'email').map((i) => i.value), phones: identities.filter((i) => i.kind === 'phone').map((i) => i.value) },
      { names: accounts.map((u) => u.name), emails: accounts.map((u) => u.email) },
    ]);
    expect(ids.emails).toContain('noa@galil-medical.example');
    // Mentions where no source looks: another customer's case, a raw failure, a webhook-like payload in a job.
    const other = await makeTicket(r.ctx, { subject: `Question about ${noa!.name}`, message: { kind: 'message', direction: 'inbound', author: { name: 'Someone else' }, bodyText: `Please copy ${noa!.emails[0]!.toUpperCase()} on this.` } });
    await r.ctx.db.insert(inboundFailures).values({ id: newId(), channel: 'email', source: 'smtp', reason: 'unparseable', raw: raw(`From: ${noa!.emails[0]}\r\n\r\n\0broken`), sha256: newId(), envelope: { mailFrom: noa!.emails[0] } });
    await queryRows(r.ctx.db, sql`insert into jobs (id, type, payload, state, run_at) values (${newId()}, 'example.unknown', ${JSON.stringify({ to: noa!.emails[0], name: noa!.name })}::jsonb, 'done', now())`);
    // An email from her through the real ingest: its original is kept as received.
    const mail = Buffer.from(`From: ${noa!.name} <${noa!.emails[0]}>\r\nTo: support@rapport.example\r\nSubject: Calibration\r\nMessage-ID: <erase-me@galil-medical.example>\r\n\r\nPlease call me on ${noa!.phones[0]}.\r\n`);
    const ingested = await ingestEmail(r.ctx, mail, { kind: 'smtp', mailFrom: noa!.emails[0]!, rcptTo: ['support@rapport.example'] });
    expect(ingested.kind).toBe('message');
    expect((await r.ctx.db.select().from(emailOriginals)).length).toBeGreaterThan(0);
    const before = await findMentions(r.ctx.db, ids);
    expect(Object.keys(before).length).toBeGreaterThan(5);

    const request = await admin('POST', `/api/v1/contacts/${noaId}/erasure`, { confirm: true });
    expect(request.status).toBe(202);
    expect(request.body).toMatchObject({ kind: 'erase', status: 'pending', contactId: noaId });
    await drain();
    const jobs = await queryRows<{ state: string; last_error: string | null }>(r.ctx.db, sql`select state, last_error from jobs where type = 'privacy.erase' order by created_at desc limit 1`);
    expect(jobs[0]).toMatchObject({ state: 'done', last_error: null });
    const entry = await admin('GET', `/api/v1/privacy/log/${request.body.id}`);
    expect(entry.body.status).toBe('done');
    expect(entry.body.counts.messages).toBeGreaterThan(0);
    expect(entry.body.counts.emailOriginals).toBe(1);
    expect(JSON.stringify(entry.body)).not.toContain('noa@');

    const after = await findMentions(r.ctx.db, ids);
    // The base64 columns decoded as UTF-8 too (findMentions reads their bytes as escaped ASCII, which finds addresses and numbers).
    const base64Hits: string[] = [];
    for (const col of (await textColumns(r.ctx.db)).filter((c) => c.column_name.endsWith('_base64'))) {
      const rows = await queryRows<{ v: string }>(r.ctx.db, sql.raw(`select "${col.column_name}" as v from "${col.table_name}"`));
      for (const row of rows) if (mentions(Buffer.from(row.v, 'base64').toString('utf8'), ids)) base64Hits.push(col.table_name);
    }
    const columns = (await textColumns(r.ctx.db)).length;
    console.log(`[privacy ${kind}] erased contact: ${ids.names.length} names, ${ids.emails.length} emails, ${ids.phones.length} numbers; scanned ${columns} text columns; hits before ${Object.values(before).reduce((a, b) => a + b, 0)} in ${Object.keys(before).length} columns, after ${Object.keys(after).length + base64Hits.length}; counts ${JSON.stringify(entry.body.counts)}`);
    expect(after).toEqual({});
    expect(base64Hits).toEqual([]);

    // What stays: the cases (anonymous), the erased contact row, and that the erasure happened, by whom, when.
    const [erased] = await r.ctx.db.select().from(contacts).where(eq(contacts.id, noaId));
    expect(erased!.erasedAt).not.toBeNull();
    expect((await r.ctx.db.select().from(tickets).where(eq(tickets.id, other.id)))[0]!.subject).toBe('Question about [erased]');
    const trail = await r.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, noaId));
    expect(trail.find((a) => a.action === 'erase')).toMatchObject({ entity: 'contact' });
    expect(trail.every((a) => JSON.stringify(a.changes) === '{}')).toBe(true);
    // Her sessions are gone and she cannot sign in again.
    expect((await r.as(noaCookie)('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await r.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'noa@galil-medical.example', password: 'demo1234' } })).statusCode).toBe(401);
    // The contact page says it was erased; exporting it again gives an empty record, not her data.
    const page = await admin('GET', `/api/v1/contacts/${noaId}`);
    expect(page.body.name).toBe('[erased]');
  });

  it('retention purges expired closed cases per organisation and old raw failures, as a job, and logs the run', async () => {
    const strict = await makeOrganisation(r.ctx.db, { name: 'Strict GmbH', country: 'DE' });
    const keeper = await makeOrganisation(r.ctx.db, { name: 'Keeper Ltd', country: 'GB' });
    const make = async (organisationId: string | null, monthsAgo: number, status = 'closed') => {
      const ticket = await makeTicket(r.ctx, { organisationId, subject: `old ${monthsAgo}`, message: { kind: 'message', direction: 'inbound', author: { name: 'x' }, bodyText: 'old case' } });
      await r.ctx.db.update(tickets).set({ status: status as 'closed', closedAt: sql`now() - make_interval(months => ${monthsAgo})` }).where(eq(tickets.id, ticket.id));
      return ticket.id;
    };
    const strictOld = await make(strict.id, 7);
    const strictRecent = await make(strict.id, 3);
    const keeperOld = await make(keeper.id, 120);
    const defaultOld = await make(null, 40);
    const openOld = await make(null, 40, 'open');
    const oldFailure = newId();
    await r.ctx.db.insert(inboundFailures).values({ id: oldFailure, channel: 'email', source: 'smtp', reason: 'unparseable', raw: raw('junk'), sha256: newId(), createdAt: new Date(Date.now() - 100 * 86_400_000) });

    expect((await admin('PUT', `/api/v1/privacy/retention/organisations/${strict.id}`, { closedCaseMonths: 6 })).status).toBe(200);
    expect((await admin('PUT', `/api/v1/privacy/retention/organisations/${keeper.id}`, { closedCaseMonths: null })).status).toBe(200);
    expect((await admin('PUT', `/api/v1/privacy/retention/organisations/${keeper.id}`, { closedCaseMonths: 1, rawFailureDays: 5 })).status).toBe(400);
    expect((await admin('POST', '/api/v1/privacy/retention/run')).status).toBe(202);
    await drain();

    const left = new Set((await r.ctx.db.select({ id: tickets.id }).from(tickets)).map((t) => t.id));
    expect([strictOld, defaultOld].filter((id) => left.has(id))).toEqual([]);
    expect([strictRecent, keeperOld, openOld].every((id) => left.has(id))).toBe(true);
    expect((await r.ctx.db.select().from(inboundFailures).where(eq(inboundFailures.id, oldFailure))).length).toBe(0);
    const log = await admin('GET', '/api/v1/privacy/log?kind=retention&limit=1');
    expect(log.body.items[0].counts.cases).toMatchObject({ [strict.id]: 1 });
    expect(log.body.items[0].counts.casesTotal).toBeGreaterThanOrEqual(2);
    expect(log.body.items[0].counts.rawFailures).toBeGreaterThanOrEqual(1);

    expect((await admin('DELETE', `/api/v1/privacy/retention/organisations/${keeper.id}`)).status).toBe(204);
    expect((await admin('DELETE', `/api/v1/privacy/retention/organisations/${keeper.id}`)).status).toBe(404);
    const trail = await r.ctx.db.select().from(auditLog).where(eq(auditLog.entity, 'retention_policy'));
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'delete']));
    await makeUser(r.ctx.db, 'agent');
  });
});
