/**
 * Every mutating operation of the API writes its audit entry in the transaction of the change.
 *
 * The OpenAPI document the app serves is the list of operations: each POST/PUT/PATCH/DELETE must
 * have an example request below or an exemption with its reason, so a new operation fails here
 * until someone says how it is audited. Each example runs as an admin against fixture records.
 *
 * "Same transaction" is measured by a row trigger installed for this test only on every table:
 * it notes the table and `pg_current_xact_id()` (the top-level transaction, savepoints included)
 * of each insert, update and delete. A change passes when every transaction that wrote one of
 * its tables also inserted into audit_log.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/index.js';
import { enqueue } from '../../src/jobs/index.js';
import { storeFailure } from '../../src/channels/failures/store.js';
import { makeContact, makeOrganisation, makeTeam, makeTicket, makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

type Fixtures = Record<string, string>;

interface Example {
  /** Tables the change writes: each of their writes must share a transaction with an audit entry. */
  changes: string[];
  /** The URL (with fixture ids) and body of a valid request. */
  request: (f: Fixtures) => { url: string; body?: unknown };
  /** Keeps ids of what the request created, for later examples. */
  keep?: (body: any, f: Fixtures) => void;
}

/** Operations that legitimately write no audit entry of their own. */
const exempt: Record<string, string> = {
  'POST /api/v1/auth/login': 'sign-in: starts a session, changes no record or setting',
  'POST /api/v1/auth/logout': 'sign-out: ends a session, changes no record or setting',
  'POST /api/v1/calendars/due': 'a calculation: computes a due time, stores nothing',
  'POST /api/v1/tickets/{id}/macros/{macroId}/preview': 'a calculation: renders a macro for a ticket, stores nothing',
  'POST /api/v1/notifications/read': "the reader's own inbox state (read marks), like a session: not a record or setting",
  'POST /api/v1/channels/mailboxes/{id}/test': 'a connection check: logs in to IMAP, stores nothing',
  'POST /api/v1/channels/mailboxes/{id}/poll': 'fetches mail now, as the scheduled poller does: each message is audited by the inbound ticket commands; the last-poll status is operational state',
  'POST /api/v1/channels/whatsapp/webhook': "inbound webhook: the messages it brings are audited as the channel's events by the ticket and contact commands",
  'POST /api/v1/channels/telegram/webhook': "inbound webhook: the messages it brings are audited as the channel's events by the ticket and contact commands",
  'POST /api/v1/channels/sms/twilio': "inbound webhook: the messages it brings are audited as the channel's events by the ticket and contact commands",
  'POST /api/v1/channels/sms/twilio/status': 'inbound webhook: delivery status of a message already sent (and audited) ',
  'POST /api/v1/calls/events': "the telephony system's event feed (inbound channel traffic): the logged call is audited as the ticket's message by the ticket commands",
};

const future = () => new Date(Date.now() + 2 * 86_400_000).toISOString();
const alwaysOpen = { timeZone: 'UTC', alwaysOpen: true };

/** One valid request per mutating operation, in an order where each finds what it needs. */
const examples: Record<string, Example> = {
  'PATCH /api/v1/auth/me': { changes: ['users'], request: () => ({ url: '/api/v1/auth/me', body: { name: 'Sweep Admin' } }) },
  'POST /api/v1/auth/tokens': { changes: ['api_tokens'], request: () => ({ url: '/api/v1/auth/tokens', body: { name: 'sweep' } }), keep: (b, f) => (f.tokenId = b.id) },
  'DELETE /api/v1/auth/tokens/{id}': { changes: ['api_tokens'], request: (f) => ({ url: `/api/v1/auth/tokens/${f.tokenId}` }) },

  'POST /api/v1/users': {
    changes: ['users', 'team_members'],
    request: (f) => ({ url: '/api/v1/users', body: { email: 'swept@staff.example', name: 'Swept', role: 'agent', password: 'sweep-password', teamIds: [f.teamId] } }),
    keep: (b, f) => (f.userId = b.id),
  },
  'PATCH /api/v1/users/{id}': { changes: ['users'], request: (f) => ({ url: `/api/v1/users/${f.userId}`, body: { name: 'Swept Again' } }) },
  'POST /api/v1/teams': { changes: ['teams'], request: () => ({ url: '/api/v1/teams', body: { name: 'Sweepers' } }), keep: (b, f) => (f.newTeamId = b.id) },
  'PATCH /api/v1/teams/{id}': { changes: ['teams'], request: (f) => ({ url: `/api/v1/teams/${f.newTeamId}`, body: { name: 'Sweepers EMEA' } }) },

  'POST /api/v1/organisations': { changes: ['organisations'], request: () => ({ url: '/api/v1/organisations', body: { name: 'Sweep Oy', country: 'FI' } }), keep: (b, f) => (f.orgId = b.id) },
  'PATCH /api/v1/organisations/{id}': { changes: ['organisations'], request: (f) => ({ url: `/api/v1/organisations/${f.orgId}`, body: { name: 'Sweep Oyj' } }) },
  'POST /api/v1/sites': {
    changes: ['sites'], request: (f) => ({ url: '/api/v1/sites', body: { organisationId: f.orgId, name: 'Sweep mill', country: 'FI', timeZone: 'Europe/Helsinki' } }),
    keep: (b, f) => (f.siteId = b.id),
  },
  'PATCH /api/v1/sites/{id}': { changes: ['sites'], request: (f) => ({ url: `/api/v1/sites/${f.siteId}`, body: { name: 'Sweep mill 2' } }) },
  'POST /api/v1/contacts': {
    changes: ['contacts'], request: (f) => ({ url: '/api/v1/contacts', body: { organisationId: f.orgId, name: 'Sami Sweep', emails: ['sami@sweep.example'] } }),
    keep: (b, f) => (f.newContactId = b.id),
  },
  'PATCH /api/v1/contacts/{id}': { changes: ['contacts'], request: (f) => ({ url: `/api/v1/contacts/${f.newContactId}`, body: { jobTitle: 'Sweeper' } }) },
  'POST /api/v1/contracts': {
    changes: ['contracts'], request: (f) => ({ url: '/api/v1/contracts', body: { organisationId: f.orgId, name: 'Gold', slaTier: 'gold', coverage: 'business_hours', startsOn: '2026-01-01' } }),
    keep: (b, f) => (f.contractId = b.id),
  },
  'PATCH /api/v1/contracts/{id}': { changes: ['contracts'], request: (f) => ({ url: `/api/v1/contracts/${f.contractId}`, body: { name: 'Platinum' } }) },
  'POST /api/v1/assets': {
    changes: ['assets'], request: (f) => ({ url: '/api/v1/assets', body: { organisationId: f.orgId, siteId: f.siteId, model: 'Roll-IQ', serial: 'RIQ-SWEEP' } }),
    keep: (b, f) => (f.assetId = b.id),
  },
  'PATCH /api/v1/assets/{id}': { changes: ['assets'], request: (f) => ({ url: `/api/v1/assets/${f.assetId}`, body: { serial: 'RIQ-SWEEP-2' } }) },

  'POST /api/v1/tickets': {
    changes: ['tickets', 'messages'], request: (f) => ({ url: '/api/v1/tickets', body: { subject: 'Sweep', body: 'Opened by the sweep.', contactId: f.contactId } }),
    keep: (b, f) => (f.ticketId = b.id),
  },
  'PATCH /api/v1/tickets/{id}': { changes: ['tickets'], request: (f) => ({ url: `/api/v1/tickets/${f.ticketId}`, body: { priority: 'high' } }) },
  'POST /api/v1/tickets/bulk': { changes: ['tickets'], request: (f) => ({ url: '/api/v1/tickets/bulk', body: { ticketIds: [f.ticketId], patch: { addTags: ['swept'] } } }) },
  'POST /api/v1/tickets/{id}/messages': {
    changes: ['messages', 'tickets'], request: (f) => ({ url: `/api/v1/tickets/${f.ticketId}/messages`, body: { kind: 'note', bodyText: 'A note from the sweep.' } }),
    keep: (b, f) => (f.messageId = b.id),
  },
  'POST /api/v1/tickets/{id}/split': {
    changes: ['tickets', 'messages', 'ticket_links'], request: (f) => ({ url: `/api/v1/tickets/${f.ticketId}/split`, body: { messageIds: [f.messageId], subject: 'Split off' } }),
    keep: (b, f) => (f.splitId = b.id),
  },
  'POST /api/v1/tickets/{id}/links': { changes: ['ticket_links'], request: (f) => ({ url: `/api/v1/tickets/${f.ticketId}/links`, body: { otherId: f.otherTicketId } }) },
  'POST /api/v1/tickets/{id}/merge': { changes: ['tickets', 'messages'], request: (f) => ({ url: `/api/v1/tickets/${f.splitId}/merge`, body: { targetId: f.ticketId } }) },
  'POST /api/v1/tickets/{id}/promises': {
    changes: ['follow_up_promises', 'messages', 'jobs'], request: (f) => ({ url: `/api/v1/tickets/${f.ticketId}/promises`, body: { dueAt: future(), channel: 'email' } }),
    keep: (b, f) => (f.promiseId = b.id),
  },
  'POST /api/v1/macros': {
    changes: ['macros'], keep: (b, f) => (f.macroId = b.id),
    request: () => ({ url: '/api/v1/macros', body: { title: 'Sweep', scope: 'shared', actions: { status: 'pending', addTags: ['swept'] }, variants: [{ language: 'en', register: 'formal', body: 'Dear {{contact.name}}, {{ticket.number}}' }] } }),
  },
  'PATCH /api/v1/macros/{id}': { changes: ['macros'], request: (f) => ({ url: `/api/v1/macros/${f.macroId}`, body: { title: 'Sweep again' } }) },
  'POST /api/v1/tickets/{id}/macros/{macroId}/apply': { changes: ['tickets'], request: (f) => ({ url: `/api/v1/tickets/${f.ticketId}/macros/${f.macroId}/apply`, body: {} }) },
  'DELETE /api/v1/macros/{id}': { changes: ['macros'], request: (f) => ({ url: `/api/v1/macros/${f.macroId}` }) },
  'POST /api/v1/tickets/{id}/promises/{promiseId}/cancel': { changes: ['follow_up_promises'], request: (f) => ({ url: `/api/v1/tickets/${f.ticketId}/promises/${f.promiseId}/cancel` }) },
  'POST /api/v1/tickets/{id}/transfer': {
    changes: ['tickets', 'handoffs', 'messages'],
    request: (f) => ({ url: `/api/v1/tickets/${f.ticketId}/transfer`, body: { assigneeId: f.agentId, summary: 'The customer reports a fault; the sweep passes it on.' } }),
  },
  'POST /api/v1/tickets/{id}/whatsapp-template': {
    changes: ['messages', 'tickets'], request: (f) => ({ url: `/api/v1/tickets/${f.ticketId}/whatsapp-template`, body: { name: 'order_update', language: 'en', parameters: ['42'] } }),
  },

  'POST /api/v1/calendars': { changes: ['calendars'], request: () => ({ url: '/api/v1/calendars', body: { name: 'Sweep hours', definition: alwaysOpen } }), keep: (b, f) => (f.calendarId = b.id) },
  'PATCH /api/v1/calendars/{id}': { changes: ['calendars'], request: (f) => ({ url: `/api/v1/calendars/${f.calendarId}`, body: { name: 'Sweep hours 2' } }) },
  'POST /api/v1/sla-policies': {
    changes: ['sla_policies'], request: (f) => ({ url: '/api/v1/sla-policies', body: { name: 'Sweep SLA', firstResponseMinutes: 60, calendarId: f.calendarId } }),
    keep: (b, f) => (f.policyId = b.id),
  },
  'PATCH /api/v1/sla-policies/{id}': { changes: ['sla_policies'], request: (f) => ({ url: `/api/v1/sla-policies/${f.policyId}`, body: { firstResponseMinutes: 90 } }) },
  'DELETE /api/v1/sla-policies/{id}': { changes: ['sla_policies'], request: (f) => ({ url: `/api/v1/sla-policies/${f.policyId}` }) },
  'PUT /api/v1/team-shifts/{teamId}': { changes: ['team_shifts'], request: (f) => ({ url: `/api/v1/team-shifts/${f.newTeamId}`, body: { calendarId: f.calendarId, rotation: 1 } }) },
  'DELETE /api/v1/team-shifts/{teamId}': { changes: ['team_shifts'], request: (f) => ({ url: `/api/v1/team-shifts/${f.newTeamId}` }) },
  'DELETE /api/v1/calendars/{id}': { changes: ['calendars'], request: (f) => ({ url: `/api/v1/calendars/${f.calendarId}` }) },

  'POST /api/v1/outbound-webhooks': {
    changes: ['outbound_webhooks'], request: () => ({ url: '/api/v1/outbound-webhooks', body: { url: 'http://127.0.0.1:9/sweep', events: ['ticket.handoff'] } }),
    keep: (b, f) => (f.webhookId = b.id),
  },
  'DELETE /api/v1/outbound-webhooks/{id}': { changes: ['outbound_webhooks'], request: (f) => ({ url: `/api/v1/outbound-webhooks/${f.webhookId}` }) },

  'PUT /api/v1/culture/countries/{iso2}/fields/{field}': {
    changes: ['culture_country_edits'], request: () => ({ url: '/api/v1/culture/countries/FI/fields/lewis', body: { value: { linearActive: 0.2, multiActive: 0.7, reactive: 0.1 }, note: 'Sweep' } }),
  },
  'DELETE /api/v1/culture/countries/{iso2}/fields/{field}': { changes: ['culture_country_edits'], request: () => ({ url: '/api/v1/culture/countries/FI/fields/lewis' }) },
  'PUT /api/v1/organisations/{id}/culture-overrides/{field}': {
    changes: ['culture_overrides'], request: (f) => ({ url: `/api/v1/organisations/${f.orgId}/culture-overrides/register`, body: { value: 'informal', reason: 'Start-up, du everywhere' } }),
  },
  'DELETE /api/v1/organisations/{id}/culture-overrides/{field}': { changes: ['culture_overrides'], request: (f) => ({ url: `/api/v1/organisations/${f.orgId}/culture-overrides/register` }) },
  'PUT /api/v1/contacts/{id}/culture-overrides/{field}': {
    changes: ['culture_overrides'], request: (f) => ({ url: `/api/v1/contacts/${f.contactId}/culture-overrides/register`, body: { value: 'formal', reason: 'Prefers to be addressed formally' } }),
  },
  'DELETE /api/v1/contacts/{id}/culture-overrides/{field}': { changes: ['culture_overrides'], request: (f) => ({ url: `/api/v1/contacts/${f.contactId}/culture-overrides/register` }) },

  'POST /api/v1/contacts/{id}/identities': {
    changes: ['contact_identities'], request: (f) => ({ url: `/api/v1/contacts/${f.contactId}/identities`, body: { kind: 'email', value: 'second@sweep.example' } }),
    keep: (b, f) => (f.identityId = b.id),
  },
  'DELETE /api/v1/contacts/{id}/identities/{identityId}': { changes: ['contact_identities'], request: (f) => ({ url: `/api/v1/contacts/${f.contactId}/identities/${f.identityId}` }) },
  'POST /api/v1/calls/{id}/ticket': { changes: ['calls'], request: (f) => ({ url: `/api/v1/calls/${f.callId}/ticket`, body: { ticketId: f.ticketId } }) },

  'POST /api/v1/channels/mailboxes': {
    changes: ['email_mailboxes'], request: (f) => ({ url: '/api/v1/channels/mailboxes', body: { address: 'sweep@support.example', teamId: f.teamId } }),
    keep: (b, f) => (f.mailboxId = b.id),
  },
  'PATCH /api/v1/channels/mailboxes/{id}': { changes: ['email_mailboxes'], request: (f) => ({ url: `/api/v1/channels/mailboxes/${f.mailboxId}`, body: { name: 'Sweep desk' } }) },
  'POST /api/v1/channels/failures/{id}/retry': { changes: ['inbound_failures'], request: (f) => ({ url: `/api/v1/channels/failures/${f.failureId}/retry` }) },
  'POST /api/v1/channels/failures/{id}/resolve': { changes: ['inbound_failures'], request: (f) => ({ url: `/api/v1/channels/failures/${f.otherFailureId}/resolve` }) },
  'DELETE /api/v1/channels/mailboxes/{id}': { changes: ['email_mailboxes'], request: (f) => ({ url: `/api/v1/channels/mailboxes/${f.mailboxId}` }) },
  'POST /api/v1/channels/widgets': { changes: ['chat_widgets'], request: () => ({ url: '/api/v1/channels/widgets', body: { name: 'Sweep chat' } }), keep: (b, f) => (f.widgetId = b.id) },
  'PATCH /api/v1/channels/widgets/{id}': { changes: ['chat_widgets'], request: (f) => ({ url: `/api/v1/channels/widgets/${f.widgetId}`, body: { color: '#1c7ed6' } }) },
  'DELETE /api/v1/channels/widgets/{id}': { changes: ['chat_widgets'], request: (f) => ({ url: `/api/v1/channels/widgets/${f.widgetId}` }) },
  'PUT /api/v1/channels/routes/{channel}': { changes: ['channel_routes'], request: (f) => ({ url: '/api/v1/channels/routes/whatsapp', body: { teamId: f.teamId } }) },
  'PUT /api/v1/channels/agent-phones/{number}': { changes: ['agent_phones'], request: (f) => ({ url: '/api/v1/channels/agent-phones/+4930123456', body: { userId: f.agentId } }) },

  'POST /api/v1/admin/jobs/{id}/retry': { changes: ['jobs'], request: (f) => ({ url: `/api/v1/admin/jobs/${f.failedJobId}/retry` }) },

  'PUT /api/v1/privacy/retention/default': { changes: ['privacy_retention_policies'], request: () => ({ url: '/api/v1/privacy/retention/default', body: { closedCaseMonths: 36, rawFailureDays: 90 } }) },
  'PUT /api/v1/privacy/retention/organisations/{id}': { changes: ['privacy_retention_policies'], request: (f) => ({ url: `/api/v1/privacy/retention/organisations/${f.organisationId}`, body: { closedCaseMonths: 12 } }) },
  'DELETE /api/v1/privacy/retention/organisations/{id}': { changes: ['privacy_retention_policies'], request: (f) => ({ url: `/api/v1/privacy/retention/organisations/${f.organisationId}` }) },
  'POST /api/v1/privacy/retention/run': { changes: ['jobs'], request: () => ({ url: '/api/v1/privacy/retention/run' }) },
  // Last: it queues the contact's erasure (jobs do not run here, so the fixtures stay).
  'POST /api/v1/contacts/{id}/erasure': { changes: ['privacy_processing_log', 'jobs'], request: (f) => ({ url: `/api/v1/contacts/${f.contactId}/erasure`, body: { confirm: true } }) },
};

const mutating = new Set(['post', 'put', 'patch', 'delete']);

describe.each(databaseKinds)('every mutating operation is audited in its own transaction, on %s', (kind) => {
  let r: TestRapport;
  let admin: ReturnType<TestRapport['as']>;
  const f: Fixtures = {};
  let operations: string[] = [];

  beforeAll(async () => {
    // Outgoing webhooks to 127.0.0.1 are refused unless allowed; WhatsApp must be connected to send a
    // template. Neither endpoint is ever called: jobs do not run here.
    r = await startTestRapport(kind, {
      env: { RAPPORT_WEBHOOKS_ALLOW_PRIVATE: 'true', RAPPORT_WHATSAPP_API_URL: 'http://127.0.0.1:9', RAPPORT_WHATSAPP_TOKEN: 'sweep', RAPPORT_WHATSAPP_PHONE_NUMBER_ID: 'PN1' },
    });
    const { db } = r.ctx;
    const doc = (await r.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    operations = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((m) => mutating.has(m)).map((m) => `${m.toUpperCase()} ${path}`),
    );

    const team = await makeTeam(db, { name: 'Sweep team' });
    f.teamId = team.id;
    f.agentId = (await makeUser(db, 'agent', { teamIds: [team.id] })).id;
    const org = await makeOrganisation(db, { country: 'FI' });
    f.organisationId = org.id;
    f.contactId = (await makeContact(db, { organisationId: org.id, phones: ['+358401112233'] })).id;
    f.otherTicketId = (await makeTicket(r.ctx, { contactId: f.contactId })).id;
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    const ringing = await admin('POST', '/api/v1/calls/events', { event: 'ringing', callId: 'sweep-call', from: '+358401112233', to: '+4930999000' });
    f.callId = ringing.body.call.id;
    const email = (to: string, id: string) => Buffer.from(`From: Sweep Customer <customer@elsewhere.example>\r\nTo: ${to}\r\nSubject: Kept mail ${id}\r\nMessage-ID: <${id}@elsewhere.example>\r\n\r\nPlease help.\r\n`);
    f.failureId = (await storeFailure(db, { channel: 'email', source: 'smtp', reason: 'test', raw: email('sweep@support.example', 'kept-1'), envelope: { mailFrom: 'customer@elsewhere.example', rcptTo: ['sweep@support.example'] } })).row.id;
    f.otherFailureId = (await storeFailure(db, { channel: 'email', source: 'smtp', reason: 'test', raw: email('sweep@support.example', 'kept-2') })).row.id;
    await enqueue(db, 'sweep.dead', {});
    const [dead] = await queryRows<{ id: string }>(db, sql`update jobs set state = 'failed', attempts = max_attempts, last_error = 'sweep' where type = 'sweep.dead' returning id::text`);
    f.failedJobId = dead.id;

    // Installed last, so the fixtures above are not counted: from here every write is noted.
    await db.execute(sql`create table sweep_writes (id bigserial primary key, tbl text not null, xact text not null)`);
    await db.execute(sql.raw(`create function sweep_note() returns trigger language plpgsql as $$
      begin insert into sweep_writes (tbl, xact) values (TG_TABLE_NAME, pg_current_xact_id()::text); return null; end $$`));
    const tables = await queryRows<{ tablename: string }>(db, sql`select tablename from pg_tables where schemaname = 'public' and tablename <> 'sweep_writes'`);
    for (const { tablename } of tables) {
      await db.execute(sql.raw(`create trigger sweep_note after insert or update or delete on "${tablename}" for each row execute function sweep_note()`));
    }
  });
  afterAll(async () => r?.stop());

  it('has an example or an exemption for every mutating operation, and none for an operation that is gone', () => {
    const known = new Set([...Object.keys(examples), ...Object.keys(exempt)]);
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.filter((op) => !known.has(op)), 'mutating operations with no example request in audit-sweep.test.ts').toEqual([]);
    expect([...known].filter((op) => !operations.includes(op)), 'examples or exemptions for operations the API no longer has').toEqual([]);
    expect(Object.keys(examples).filter((op) => op in exempt), 'operations both exempt and swept').toEqual([]);
  });

  for (const [operation, example] of Object.entries(examples)) {
    it(operation, async () => {
      const { db } = r.ctx;
      const [{ mark }] = await queryRows<{ mark: string }>(db, sql`select coalesce(max(id), 0)::text as mark from sweep_writes`);
      const { url, body } = example.request(f);
      const res = await admin(operation.split(' ')[0], url, body);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      example.keep?.(res.body, f);

      const writes = await queryRows<{ tbl: string; xact: string }>(db, sql`select tbl, xact from sweep_writes where id > ${Number(mark)} order by id`);
      const audited = new Set(writes.filter((w) => w.tbl === 'audit_log').map((w) => w.xact));
      expect(audited.size, `${operation} wrote no audit entry`).toBeGreaterThan(0);
      for (const table of example.changes) {
        const changed = writes.filter((w) => w.tbl === table);
        expect(changed.length, `${operation} did not write ${table}`).toBeGreaterThan(0);
        const outside = changed.filter((w) => !audited.has(w.xact));
        expect(outside.length, `${operation} wrote ${table} in a transaction without an audit entry`).toBe(0);
      }
    });
  }
});
