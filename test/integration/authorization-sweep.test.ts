/**
 * Issue 10 (faults kept as tests): every operation of the OpenAPI document × every role, called
 * with another organisation's ids in the path, the query and the body. The help desk is single
 * tenant — staff see every customer organisation — so the cross-organisation line is the
 * customer's: a customer of organisation A gets a refusal (403/404, or 400 for a reference it may
 * not make) for organisation B's ids on every operation, never a 2xx carrying B's records, never a
 * write to B's rows or a reference from A's rows to B's. Staff get exactly what the rule table in
 * `src/policies/` says for the operations whose rule is known (`rule` below): refused with 403
 * when the rule says no, served (not 401/403) when it says yes. No operation answers 5xx.
 * Both engines: ~900 requests, a few seconds each.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { queryRows } from '../../src/db/client.js';
import { assets } from '../../src/customers/schema.js';
import { can, type Actor, type Role } from '../../src/policies/index.js';
import { makeContact, makeOrganisation, makeSite, makeTeam, makeTicket, makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

type Call = ReturnType<TestRapport['as']>;
type Json = Record<string, any>;

interface Company {
  organisationId: string;
  siteId: string;
  assetId: string;
  contactId: string;
  contractId: string;
  ticketId: string;
  messageId: string;
  attachmentId: string;
  promiseId: string;
  identityId: string;
  customerUserId: string;
  customerEmail: string;
  /** Strings only this organisation's records contain. */
  secrets: string[];
}

const roles: Role[] = ['customer', 'sales', 'field_engineer', 'agent', 'manager', 'admin'];

/**
 * The rule each operation is decided by, where it is one rule of `src/policies/` (operations
 * whose answer depends on more than the role — a record's owner, a token's allowance — are
 * checked only for the customer line and for 5xx).
 */
const rule: Record<string, [resource: string, action: string]> = {
  'GET /api/v1/users': ['user', 'list'],
  'POST /api/v1/users': ['user', 'create'],
  'GET /api/v1/users/{id}': ['user', 'read'],
  'PATCH /api/v1/users/{id}': ['user', 'update'],
  'GET /api/v1/teams': ['team', 'list'],
  'POST /api/v1/teams': ['team', 'create'],
  'GET /api/v1/teams/{id}': ['team', 'read'],
  'PATCH /api/v1/teams/{id}': ['team', 'update'],
  'POST /api/v1/organisations': ['customer', 'create'],
  'GET /api/v1/organisations/{id}': ['customer', 'read'],
  'PATCH /api/v1/organisations/{id}': ['customer', 'update'],
  'POST /api/v1/sites': ['customer', 'create'],
  'GET /api/v1/sites/{id}': ['customer', 'read'],
  'PATCH /api/v1/sites/{id}': ['customer', 'update'],
  'POST /api/v1/contacts': ['customer', 'create'],
  'GET /api/v1/contacts/{id}': ['customer', 'read'],
  'PATCH /api/v1/contacts/{id}': ['customer', 'update'],
  'POST /api/v1/contracts': ['customer', 'create'],
  'GET /api/v1/contracts/{id}': ['customer', 'read'],
  'PATCH /api/v1/contracts/{id}': ['customer', 'update'],
  'POST /api/v1/assets': ['customer', 'create'],
  'GET /api/v1/assets/{id}': ['customer', 'read'],
  'PATCH /api/v1/assets/{id}': ['customer', 'update'],
  'GET /api/v1/tickets/{id}': ['ticket', 'read'],
  'PATCH /api/v1/tickets/{id}': ['ticket', 'update'],
  'POST /api/v1/tickets/bulk': ['ticket', 'update'],
  'GET /api/v1/tickets/{id}/messages': ['ticket', 'read'],
  'POST /api/v1/tickets/{id}/messages': ['ticket', 'reply'],
  'POST /api/v1/tickets/{id}/merge': ['ticket', 'merge'],
  'GET /api/v1/tickets/{id}/audit': ['ticket', 'audit'],
  'POST /api/v1/calendars': ['calendar', 'update'],
  'GET /api/v1/calendars': ['calendar', 'read'],
  'GET /api/v1/outbound-webhooks': ['webhook', 'read'],
  'POST /api/v1/outbound-webhooks': ['webhook', 'update'],
  'GET /api/v1/culture/countries': ['culture', 'read'],
  'GET /api/v1/culture/countries/{iso2}': ['culture', 'read'],
  'GET /api/v1/contacts/{id}/policy': ['culture', 'read'],
  'GET /api/v1/organisations/{id}/culture-overrides': ['culture', 'read'],
  'PUT /api/v1/organisations/{id}/culture-overrides/{field}': ['culture', 'override'],
  'PUT /api/v1/contacts/{id}/culture-overrides/{field}': ['culture', 'override'],
  'GET /api/v1/sla-policies': ['sla_policy', 'read'],
  'POST /api/v1/sla-policies': ['sla_policy', 'update'],
  'GET /api/v1/team-shifts': ['team_shift', 'read'],
  'GET /api/v1/tickets/{id}/sla': ['ticket_sla', 'read'],
  'GET /api/v1/tickets/{id}/promises': ['promise', 'read'],
  'POST /api/v1/tickets/{id}/promises': ['promise', 'create'],
  'GET /api/v1/macros': ['macro', 'list'],
  'POST /api/v1/tickets/{id}/promises/{promiseId}/cancel': ['promise', 'cancel'],
  'GET /api/v1/calls': ['call', 'read'],
  'GET /api/v1/contacts/{id}/identities': ['contact_identity', 'read'],
  'POST /api/v1/contacts/{id}/identities': ['contact_identity', 'update'],
  'DELETE /api/v1/contacts/{id}/identities/{identityId}': ['contact_identity', 'update'],
  'GET /api/v1/channels/status': ['channels', 'read'],
  'GET /api/v1/channels/mailboxes': ['channels', 'read'],
  'POST /api/v1/channels/mailboxes': ['channels', 'update'],
  'GET /api/v1/channels/widgets': ['channels', 'read'],
  'GET /api/v1/channels/routes': ['channels', 'read'],
  'GET /api/v1/channels/failures': ['channels', 'read'],
  'GET /api/v1/admin/jobs': ['job', 'list'],
};

/** Operations left out: they end the session or sign in (the sweep's own sessions must live). */
const skipped = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);

/** A value for a schema that passes validation where it can, so the route's own checks are reached. */
function sample(schema: Json | undefined, name: string, ids: (name: string) => unknown): unknown {
  const id = ids(name);
  if (id !== undefined) return id;
  if (!schema) return undefined;
  if (schema.anyOf || schema.oneOf) return sample((schema.anyOf ?? schema.oneOf).find((s: Json) => s.type !== 'null') ?? schema.anyOf?.[0], name, ids);
  if (schema.allOf) return sample(schema.allOf[0], name, ids);
  if (schema.enum) return schema.enum[0];
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined && schema.type !== 'object') return schema.default;
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Json = {};
      for (const [k, s] of Object.entries<Json>(schema.properties ?? {})) {
        const v = sample(s, k, ids);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'array': {
      const v = sample(schema.items, name.replace(/s$/, ''), ids);
      return v === undefined ? [] : [v];
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 30, 30));
    case 'boolean':
      return false;
    case 'string': {
      const byName: Record<string, string> = {
        country: 'DE', timeZone: 'Europe/Berlin', locale: 'en', language: 'en', defaultLanguage: 'en', email: `sweep-${newId()}@example.com`,
        url: 'https://hooks.example.com/sweep', password: 'sweep-password-1', value: '+4915112345678', contentBase64: Buffer.from('hello').toString('base64'),
        contentType: 'text/plain', filename: 'note.txt', tier: 'gold', startsOn: '2026-01-01', endsOn: '2027-01-01', installedOn: '2025-01-01', warrantyEndsOn: '2028-01-01',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(), address: `sweep-${newId()}@example.com`,
      };
      if (byName[name]) return byName[name];
      if (schema.format === 'uuid') return newId();
      if (schema.format === 'email') return `sweep-${newId()}@example.com`;
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (schema.format === 'date') return '2026-06-01';
      if (schema.format === 'uri') return 'https://example.com/sweep';
      if (schema.pattern && /\^\\\+/.test(schema.pattern)) return '+4915112345678';
      return 'sweep text'.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 1000);
    }
    default:
      return undefined;
  }
}

describe.each(databaseKinds)('authorization sweep over every operation and role on %s', (kind) => {
  let r: TestRapport;
  let doc: Json;
  const A = {} as Company;
  const B = {} as Company;
  const sessions = new Map<Role, Call>();
  const actors = new Map<Role, Actor>();
  let teamId = '';
  let agentId = '';
  const results: { op: string; role: Role; variant: string; status: number }[] = [];
  const leaks: string[] = [];
  const failures: string[] = [];

  async function makeCompany(c: Company, name: string, admin: Call) {
    const org = await makeOrganisation(r.ctx.db, { name: `${name} Holdings`, domains: [`${name.toLowerCase()}.example`] });
    const site = await makeSite(r.ctx.db, org.id, { name: `${name} Plant` });
    const [asset] = await r.ctx.db.insert(assets).values({ id: newId(), organisationId: org.id, siteId: site.id, model: `${name}-Model`, serial: `SER-${name}` }).returning();
    const contact = await makeContact(r.ctx.db, { organisationId: org.id, siteId: site.id, name: `${name} Contact`, emails: [`boss@${name.toLowerCase()}.example`] });
    const contract = await admin('POST', '/api/v1/contracts', { organisationId: org.id, name: `${name} Contract`, slaTier: 'gold', coverage: 'business_hours', startsOn: '2026-01-01', siteIds: [site.id], assetIds: [asset!.id] });
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    const ticket = await makeTicket(r.ctx, { organisationId: org.id, contactId: contact.id, siteId: site.id, assetId: asset!.id, subject: `${name} confidential subject` });
    const reply = await admin('POST', `/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'message', bodyText: `${name} confidential reply`, attachments: [{ filename: `${name}-report.txt`, contentType: 'text/plain', contentBase64: Buffer.from(`${name} file`).toString('base64') }],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const promise = await admin('POST', `/api/v1/tickets/${ticket.id}/promises`, { dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), channel: 'email', note: `${name} promise` });
    expect(promise.status, JSON.stringify(promise.body)).toBe(201);
    const identity = await admin('POST', `/api/v1/contacts/${contact.id}/identities`, { kind: 'email', value: `second@${name.toLowerCase()}.example` });
    expect(identity.status, JSON.stringify(identity.body)).toBe(201);
    const user = await makeUser(r.ctx.db, 'customer', { organisationId: org.id, contactId: contact.id, email: `customer@${name.toLowerCase()}.example`, name: `${name} Customer` });
    Object.assign(c, {
      organisationId: org.id, siteId: site.id, assetId: asset!.id, contactId: contact.id, contractId: contract.body.id, ticketId: ticket.id,
      messageId: reply.body.id, attachmentId: reply.body.attachments[0].id, promiseId: promise.body.id, identityId: identity.body.id,
      customerUserId: user.id, customerEmail: user.email,
      secrets: [`${name} Holdings`, `${name} Plant`, `SER-${name}`, `${name} Contact`, `${name} Contract`, `${name} confidential`, `${name}-report`, `${name} promise`, `second@${name.toLowerCase()}`, `${name} Customer`],
    } satisfies Company);
  }

  /** B's rows (and every reference to them), as one fingerprint: any write shows. */
  async function fingerprintOfB(): Promise<string> {
    const ids = [B.organisationId, B.siteId, B.assetId, B.contactId, B.contractId, B.ticketId, B.customerUserId];
    const rows = await queryRows<{ f: string }>(r.ctx.db, sql`select md5(concat_ws('|',
      (select md5(string_agg(t::text, ',' order by t.id)) from organisations t where t.id = ${B.organisationId}),
      (select md5(string_agg(t::text, ',' order by t.id)) from sites t where t.organisation_id = ${B.organisationId}),
      (select md5(string_agg(t::text, ',' order by t.id)) from assets t where t.organisation_id = ${B.organisationId}),
      (select md5(string_agg(t::text, ',' order by t.id)) from contacts t where t.organisation_id = ${B.organisationId}),
      (select md5(string_agg(t::text, ',' order by t.id)) from contracts t where t.organisation_id = ${B.organisationId}),
      (select md5(string_agg(t::text, ',' order by t.id)) from tickets t where t.organisation_id = ${B.organisationId} or t.contact_id = ${B.contactId} or t.site_id = ${B.siteId} or t.asset_id = ${B.assetId}),
      (select md5(string_agg(t::text, ',' order by t.id)) from messages t where t.ticket_id = ${B.ticketId}),
      (select md5(string_agg(t::text, ',' order by t::text)) from ticket_links t where t.ticket_id = ${B.ticketId} or t.other_id = ${B.ticketId}),
      (select md5(string_agg(t::text, ',' order by t.id)) from users t where t.id = ${B.customerUserId})
    )) as f`);
    void ids;
    return rows[0]!.f;
  }

  beforeAll(async () => {
    r = await startTestRapport(kind);
    const admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    const team = await makeTeam(r.ctx.db, { name: 'Sweep team' });
    teamId = team.id;
    await makeCompany(A, 'Alpha', admin);
    await makeCompany(B, 'Bravo', admin);
    for (const role of roles) {
      const user = role === 'customer' ? null : await makeUser(r.ctx.db, role, { email: `${role}@sweep.example`, name: `Sweep ${role}` });
      if (role === 'agent') agentId = user!.id;
      const email = user ? user.email : A.customerEmail;
      const cookie = await r.login(email);
      sessions.set(role, r.as(cookie));
      const me = await r.as(cookie)('GET', '/api/v1/auth/me');
      actors.set(role, { userId: me.body.id ?? me.body.user?.id, name: '', email, role, organisationId: role === 'customer' ? A.organisationId : null, contactId: role === 'customer' ? A.contactId : null, teamIds: [] });
    }
    doc = (r.app as unknown as { swagger(): Json }).swagger();
  }, 180_000);
  afterAll(async () => r?.stop());

  it('refuses a customer another organisation’s records on every operation; staff get what the rules say', { timeout: 240_000 }, async () => {
    const started = Date.now();
    const operations: { method: string; path: string; op: Json }[] = [];
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        if (skipped.has(`${method.toUpperCase()} ${path}`)) continue;
        operations.push({ method: method.toUpperCase(), path, op });
      }
    }
    expect(operations.length).toBeGreaterThan(100);

    /** Ids by parameter or field name: the target company's, or for staff-only records the sweep's. */
    const idsOf = (pathCo: Company, refCo: Company, forStaff: boolean) => ({
      path(path: string, param: string): string {
        const before = path.split(`{${param}}`)[0]!.split('/').filter(Boolean).pop();
        if (param === 'id') {
          const byCollection: Record<string, string> = {
            tickets: pathCo.ticketId, organisations: pathCo.organisationId, sites: pathCo.siteId, contacts: pathCo.contactId, contracts: pathCo.contractId,
            assets: pathCo.assetId, users: pathCo.customerUserId, attachments: pathCo.attachmentId, teams: teamId,
          };
          return byCollection[before ?? ''] ?? newId();
        }
        const other: Record<string, string> = {
          promiseId: pathCo.promiseId, identityId: pathCo.identityId, teamId, iso2: 'DE', country: 'DE', field: 'formality', channel: 'email', number: '+4915112345678',
          key: 'no-such-widget', token: 'no-such-token',
        };
        return other[param] ?? newId();
      },
      field(name: string): unknown {
        const map: Record<string, unknown> = {
          organisationId: refCo.organisationId, siteId: refCo.siteId, contactId: refCo.contactId, assetId: refCo.assetId, ticketId: refCo.ticketId,
          targetId: refCo.ticketId, otherId: refCo.ticketId, userId: forStaff ? agentId : refCo.customerUserId, assigneeId: forStaff ? agentId : refCo.customerUserId,
          teamId, siteIds: [refCo.siteId], assetIds: [refCo.assetId], ticketIds: [refCo.ticketId], messageIds: [refCo.messageId], memberIds: [forStaff ? agentId : refCo.customerUserId],
          ids: refCo.ticketId, id: refCo.messageId, promiseId: refCo.promiseId,
        };
        return map[name];
      },
    });

    /** A's rows that point at B's records: a customer of A must never be able to make one. */
    const referencesFromAToB = async () =>
      (await queryRows<{ n: number }>(r.ctx.db, sql`select (
        (select count(*) from tickets where (organisation_id = ${A.organisationId} or contact_id = ${A.contactId})
          and (site_id = ${B.siteId} or asset_id = ${B.assetId} or contact_id = ${B.contactId} or organisation_id = ${B.organisationId}))
        + (select count(*) from ticket_links l join tickets t on t.id = l.ticket_id where t.organisation_id = ${A.organisationId} and l.other_id = ${B.ticketId})
        + (select count(*) from contacts where organisation_id = ${A.organisationId} and site_id = ${B.siteId})
        + (select count(*) from users where id = ${A.customerUserId} and (organisation_id = ${B.organisationId} or contact_id = ${B.contactId}))
      )::int as n`))[0]!.n;

    const bIds = [B.organisationId, B.siteId, B.assetId, B.contactId, B.contractId, B.ticketId, B.messageId, B.attachmentId, B.promiseId, B.identityId, B.customerUserId];
    let requests = 0;
    const ruleChecks: { role: Role; key: string; status: number; text: string }[] = [];
    for (const role of roles) {
      const call = sessions.get(role)!;
      const staffRole = role !== 'customer';
      // Customers: everything B's; and A's own records in the path with B's in the query and body.
      const variants: [string, Company, Company][] = staffRole ? [['B', B, B]] : [['B', B, B], ['A→B', A, B]];
      for (const [variant, pathCo, refCo] of variants) {
        const ids = idsOf(pathCo, refCo, staffRole);
        for (const { method, path, op } of operations) {
          const key = `${method} ${path}`;
          let url = path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(ids.path(path, p)));
          const query = new URLSearchParams();
          for (const p of (op.parameters ?? []) as Json[]) {
            if (p.in !== 'query') continue;
            const v = ids.field(p.name);
            if (v !== undefined) query.set(p.name, Array.isArray(v) ? v.join(',') : String(v));
          }
          if ([...query].length) url += `?${query}`;
          const bodySchema = op.requestBody?.content?.['application/json']?.schema as Json | undefined;
          let body = bodySchema ? (sample(bodySchema, '', ids.field) as Json) : undefined;
          if (key === 'POST /api/v1/tickets/{id}/messages') body = { kind: 'message', bodyText: 'sweep reply' };
          if (key === 'POST /api/v1/tickets/bulk') body = { ticketIds: [refCo.ticketId], patch: { priority: 'high' } };
          const before = staffRole || method === 'GET' ? '' : await fingerprintOfB();
          const refsBefore = staffRole || method === 'GET' ? 0 : await referencesFromAToB();
          const res = await call(method, url, body);
          requests++;
          results.push({ op: key, role, variant, status: res.status });
          const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
          if (res.status >= 500) failures.push(`${role} ${variant} ${key} → ${res.status} ${text.slice(0, 200)}`);
          if (!staffRole) {
            const ok = res.status >= 200 && res.status < 300;
            const shown = [...B.secrets, ...(ok ? bIds : [])].filter((s) => text.includes(s));
            if (shown.length) leaks.push(`read: customer ${variant} ${key} → ${res.status} shows ${shown.join(', ')}`);
            if (method !== 'GET') {
              if ((await fingerprintOfB()) !== before) leaks.push(`write: customer ${variant} ${key} → ${res.status} changed organisation B's rows`);
              if ((await referencesFromAToB()) !== refsBefore) leaks.push(`write: customer ${variant} ${key} → ${res.status} made A's rows point at B's`);
            }
          }
          if (staffRole && rule[key]) ruleChecks.push({ role, key, status: res.status, text });
        }
      }
    }
    // Against the rule table. A body the sweep could not make valid is refused with 400 before any
    // rule is asked, for the admin too: such a refusal says nothing about the rule (counted apart).
    let undecided = 0;
    for (const { role, key, status, text } of ruleChecks) {
      const [resource, action] = rule[key]!;
      const allowed = can(actors.get(role)!, action as never, resource as never);
      const adminStatus = ruleChecks.find((c) => c.role === 'admin' && c.key === key)!.status;
      if (!allowed && status === 400 && adminStatus === 400) undecided++;
      else if (!allowed && status !== 403) failures.push(`${role} ${key}: the rules say no (${resource}.${action}) but it answered ${status}`);
      if (allowed && (status === 401 || status === 403)) failures.push(`${role} ${key}: the rules allow ${resource}.${action} but it answered ${status} ${text.slice(0, 160)}`);
    }
    const customerResults = results.filter((x) => x.role === 'customer');
    const refusals = results.filter((x) => [400, 401, 403, 404, 405, 409, 422].includes(x.status)).length;
    const ok = results.filter((x) => x.status >= 200 && x.status < 300).length;
    const byStatus = Object.entries(customerResults.reduce<Record<number, number>>((m, x) => ((m[x.status] = (m[x.status] ?? 0) + 1), m), {}));
    console.log(
      `authorization sweep on ${kind}: ${operations.length} operations × ${roles.length} roles, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `refusals ${refusals}, 2xx ${ok}, 5xx ${results.filter((x) => x.status >= 500).length}; customer answers by status ${byStatus.map(([s, n]) => `${s}:${n}`).join(' ')}; ` +
        `staff rule checks ${ruleChecks.length} (${undecided} refused for the body before the rule); leaks=${leaks.length}`,
    );
    if (process.env.SWEEP_DEBUG) console.log(results.filter((x) => x.role === 'customer' && x.status < 403 || x.role === 'admin' && x.status >= 400).map((x) => `${x.role} ${x.variant} ${x.op} ${x.status}`).join('\n'));
    if (leaks.length || failures.length) console.log([...leaks, ...failures].join('\n'));
    expect(leaks).toEqual([]);
    expect(failures).toEqual([]);
    // The sweep reached the routes: most of a customer's calls are refused, and every staff rule was checked.
    expect(customerResults.filter((x) => [403, 404].includes(x.status)).length).toBeGreaterThan(operations.length);
    expect(undecided).toBeLessThan(ruleChecks.length / 10);
    expect(ruleChecks.length).toBe(Object.keys(rule).filter((k) => operations.some((o) => `${o.method} ${o.path}` === k)).length * 5);
  });
});
