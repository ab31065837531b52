/**
 * Channel administration: the overview, mailboxes (routing and IMAP), chat widgets, which team
 * each messaging channel feeds, agents' direct numbers, and the inbound failures kept raw.
 * Every change is audited; IMAP passwords are write-only (never sent back).
 */
import { z } from 'zod';
import type { SecretBox } from '../../secrets/index.js';
import { requireActor } from '../../http/index.js';
import type { App } from '../../http/index.js';
import { decodeCursor, iso, pageSchema, paginationQuery, toPage } from '../../http/index.js';
import { notFound, problem } from '../../errors/index.js';
import { idParams, idSchema } from '../../http/index.js';
import { authorize, permissions, permissionsSchema, type Actor } from '../../policies/index.js';
import { calendarDefinitionSchema } from '../../calendars/index.js';
import { getTeam } from '../../users/index.js';
import { listWidgets, type WidgetRow } from '../chat/store.js';
import { checkImapAccount } from '../email/imap-poller.js';
import { ingestEmail } from '../email/ingest.js';
import { pollMailbox } from '../email/jobs.js';
import { getMailbox, listMailboxes, type MailboxRow } from '../email/store.js';
import { getFailure, listFailures, type FailureRow } from '../failures/store.js';
import { normalisePhone } from '../phone/normalise.js';
import { listAgentPhones } from '../phone/store.js';
import { listChannelRoutes, routedChannels } from '../routing.js';
import { addMailbox, addWidget, assignAgentPhone, changeMailbox, changeWidget, removeMailbox, removeWidget, resolveInboundFailure, routeChannel, settleRetriedFailure, type SettingsContext } from './commands.js';
import { channelsStatus } from './status.js';

const tags = ['channels'];

const mailboxSchema = z
  .object({
    id: z.string(), address: z.string(), name: z.string().nullable(), teamId: z.string().nullable(), active: z.boolean(),
    imap: z.object({ host: z.string().nullable(), port: z.number().nullable(), secure: z.boolean(), user: z.string().nullable(), folder: z.string(), enabled: z.boolean(), hasPassword: z.boolean() }),
    lastPolledAt: z.string().nullable(), lastPollError: z.string().nullable(), createdAt: z.string(),
    permissions: permissionsSchema('channels', ['update']),
  })
  .meta({ id: 'Mailbox' });
const presentMailbox = (m: MailboxRow, actor: Actor) => ({
  id: m.id, address: m.address, name: m.name, teamId: m.teamId, active: m.active,
  imap: { host: m.imapHost, port: m.imapPort, secure: m.imapSecure, user: m.imapUser, folder: m.imapFolder, enabled: m.imapEnabled, hasPassword: !!m.imapPassword },
  lastPolledAt: iso(m.lastPolledAt), lastPollError: m.lastPollError, createdAt: iso(m.createdAt)!,
  permissions: permissions(actor, 'channels', undefined, ['update']),
});
const mailboxInput = z.object({
  address: z.string().email(),
  name: z.string().max(200).nullable().optional(),
  teamId: idSchema.nullable().optional(),
  active: z.boolean().optional(),
  imap: z
    .object({
      host: z.string().max(255).nullable().optional(),
      port: z.number().int().min(1).max(65535).nullable().optional(),
      secure: z.boolean().optional(),
      user: z.string().max(320).nullable().optional(),
      password: z.string().max(1000).optional(),
      folder: z.string().max(200).optional(),
      enabled: z.boolean().optional(),
    })
    .optional(),
});
type MailboxBody = z.infer<typeof mailboxInput>;
/** The columns a mailbox body sets; the IMAP password is sealed before it is stored (src/secrets). */
const mailboxColumns = (b: Partial<MailboxBody>, secrets: SecretBox) => ({
  ...(b.address !== undefined ? { address: b.address } : {}),
  ...(b.name !== undefined ? { name: b.name } : {}),
  ...(b.teamId !== undefined ? { teamId: b.teamId } : {}),
  ...(b.active !== undefined ? { active: b.active } : {}),
  ...(b.imap?.host !== undefined ? { imapHost: b.imap.host } : {}),
  ...(b.imap?.port !== undefined ? { imapPort: b.imap.port } : {}),
  ...(b.imap?.secure !== undefined ? { imapSecure: b.imap.secure } : {}),
  ...(b.imap?.user !== undefined ? { imapUser: b.imap.user } : {}),
  ...(b.imap?.password !== undefined ? { imapPassword: b.imap.password ? secrets.seal(b.imap.password) : null } : {}),
  ...(b.imap?.folder !== undefined ? { imapFolder: b.imap.folder } : {}),
  ...(b.imap?.enabled !== undefined ? { imapEnabled: b.imap.enabled } : {}),
});
/** What the audit trail records of a mailbox change: everything but the password itself. */
const auditable = (b: Partial<MailboxBody>) => ({ ...b, imap: b.imap ? { ...b.imap, password: b.imap.password !== undefined ? '(changed)' : undefined } : undefined });

const widgetSchema = z
  .object({
    id: z.string(), key: z.string(), name: z.string(), teamId: z.string().nullable(), calendarId: z.string().nullable(), hours: z.unknown().nullable(),
    allowedOrigins: z.array(z.string()), color: z.string(), defaultLanguage: z.string(), active: z.boolean(), embed: z.string(), createdAt: z.string(),
    permissions: permissionsSchema('channels', ['update']),
  })
  .meta({ id: 'ChatWidget' });
const widgetInput = z.object({
  name: z.string().min(1).max(200),
  teamId: idSchema.nullable().optional(),
  calendarId: idSchema.nullable().optional(),
  hours: calendarDefinitionSchema.nullable().optional(),
  allowedOrigins: z.array(z.string().url()).max(50).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1c7ed6').optional(),
  defaultLanguage: z.string().min(2).max(15).optional(),
  active: z.boolean().optional(),
});

const failureSchema = z
  .object({ id: z.string(), channel: z.string(), source: z.string(), reason: z.string(), detail: z.string().nullable(), size: z.number(), preview: z.string(), resolvedAt: z.string().nullable(), createdAt: z.string() })
  .meta({ id: 'InboundFailure' });
const presentFailure = (f: FailureRow) => {
  const raw = Buffer.from(f.raw, 'base64');
  return {
    id: f.id, channel: f.channel, source: f.source, reason: f.reason, detail: f.detail, size: raw.length,
    preview: raw.subarray(0, 600).toString('utf8').replace(/[^\P{C}\n\t]/gu, '·'), resolvedAt: iso(f.resolvedAt), createdAt: iso(f.createdAt)!,
  };
};

export default async function channelAdminRoutes(app: App) {
  const { db } = app.ctx;
  const base = () => app.ctx.config.publicUrl.replace(/\/+$/, '');
  const presentWidget = (w: WidgetRow, actor: Actor) => ({
    id: w.id, key: w.key, name: w.name, teamId: w.teamId, calendarId: w.calendarId, hours: w.hours ?? null, allowedOrigins: w.allowedOrigins,
    color: w.color, defaultLanguage: w.defaultLanguage, active: w.active, createdAt: iso(w.createdAt)!,
    embed: `<script src="${base()}/widget.js" data-widget="${w.key}" async></script>`,
    permissions: permissions(actor, 'channels', undefined, ['update']),
  });
  const admin = (request: { actor: Actor | null }, action: 'read' | 'update') => {
    const actor = requireActor(request);
    authorize(actor, action, 'channels');
    return actor;
  };
  const settings = (actor: Actor): SettingsContext => ({ db, actorUserId: actor.userId });
  const checkTeam = async (teamId: string | null | undefined) => {
    if (teamId && !(await getTeam(db, teamId))) throw problem(400, `Team ${teamId} does not exist.`, { errors: [{ path: 'body.teamId', message: 'unknown team' }] });
  };

  app.get('/api/v1/channels/status', {
    schema: {
      tags, summary: 'Which channels are connected, the URLs to give each provider, and open inbound failures',
      response: { 200: z.object({ openFailures: z.number(), channels: z.array(z.object({ channel: z.string(), connected: z.boolean(), detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) })) }) },
    },
  }, async (request) => {
    admin(request, 'read');
    return channelsStatus(app.ctx);
  });

  // ── mailboxes ────────────────────────────────────────────────────────────────
  app.get('/api/v1/channels/mailboxes', { schema: { tags, summary: 'Email mailboxes', querystring: z.object(paginationQuery), response: { 200: pageSchema(mailboxSchema) } } }, async (request) => {
    const actor = admin(request, 'read');
    const rows = await listMailboxes(db, request.query.limit, decodeCursor(request.query.cursor, 2) as [string, string] | undefined);
    const page = toPage(rows, request.query.limit, (m) => [iso(m.createdAt), m.id]);
    return { items: page.items.map((m) => presentMailbox(m, actor)), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/channels/mailboxes', { schema: { tags, summary: 'Add a mailbox (an address Rapport receives mail for)', body: mailboxInput, response: { 201: mailboxSchema } } }, async (request, reply) => {
    const actor = admin(request, 'update');
    await checkTeam(request.body.teamId);
    const row = await addMailbox(settings(actor), { ...mailboxColumns(request.body, app.ctx.secrets), address: request.body.address }, auditable(request.body));
    return reply.status(201).send(presentMailbox(row, actor));
  });

  app.patch('/api/v1/channels/mailboxes/:id', { schema: { tags, summary: 'Change a mailbox', params: idParams, body: mailboxInput.partial(), response: { 200: mailboxSchema } } }, async (request) => {
    const actor = admin(request, 'update');
    await checkTeam(request.body.teamId);
    const row = await changeMailbox(settings(actor), request.params.id, mailboxColumns(request.body, app.ctx.secrets), auditable(request.body));
    return presentMailbox(row, actor);
  });

  app.delete('/api/v1/channels/mailboxes/:id', { schema: { tags, summary: 'Remove a mailbox', params: idParams } }, async (request, reply) => {
    const actor = admin(request, 'update');
    await removeMailbox(settings(actor), request.params.id);
    return reply.status(204).send();
  });

  app.post('/api/v1/channels/mailboxes/:id/test', {
    schema: { tags, summary: 'Log in to the mailbox’s IMAP account without fetching anything', params: idParams, response: { 200: z.object({ ok: z.boolean(), messages: z.number().optional(), error: z.string().optional() }) } },
  }, async (request) => {
    admin(request, 'update');
    const m = await getMailbox(db, request.params.id);
    if (!m) throw notFound('Mailbox', request.params.id);
    if (!m.imapHost || !m.imapUser) throw problem(422, 'This mailbox has no IMAP account.');
    return checkImapAccount({ host: m.imapHost, port: m.imapPort ?? (m.imapSecure ? 993 : 143), secure: m.imapSecure, user: m.imapUser, password: m.imapPassword ? app.ctx.secrets.open(m.imapPassword) : '', mailbox: m.imapFolder });
  });

  app.post('/api/v1/channels/mailboxes/:id/poll', {
    schema: { tags, summary: 'Fetch new mail from the mailbox now', params: idParams, response: { 200: z.object({ unseen: z.number(), delivered: z.number(), failed: z.number() }) } },
  }, async (request) => {
    admin(request, 'update');
    const m = await getMailbox(db, request.params.id);
    if (!m) throw notFound('Mailbox', request.params.id);
    try {
      return await pollMailbox(app.ctx, m);
    } catch (err) {
      throw problem(502, `The IMAP server answered: ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  // ── chat widgets ─────────────────────────────────────────────────────────────
  app.get('/api/v1/channels/widgets', { schema: { tags, summary: 'Chat widgets', querystring: z.object(paginationQuery), response: { 200: pageSchema(widgetSchema) } } }, async (request) => {
    const actor = admin(request, 'read');
    const rows = await listWidgets(db, request.query.limit, decodeCursor(request.query.cursor, 2) as [string, string] | undefined);
    const page = toPage(rows, request.query.limit, (w) => [iso(w.createdAt), w.id]);
    return { items: page.items.map((w) => presentWidget(w, actor)), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/channels/widgets', { schema: { tags, summary: 'Create a chat widget (returns its embed snippet)', body: widgetInput, response: { 201: widgetSchema } } }, async (request, reply) => {
    const actor = admin(request, 'update');
    await checkTeam(request.body.teamId);
    const row = await addWidget(settings(actor), request.body);
    return reply.status(201).send(presentWidget(row, actor));
  });

  app.patch('/api/v1/channels/widgets/:id', { schema: { tags, summary: 'Change a chat widget', params: idParams, body: widgetInput.partial(), response: { 200: widgetSchema } } }, async (request) => {
    const actor = admin(request, 'update');
    await checkTeam(request.body.teamId);
    return presentWidget(await changeWidget(settings(actor), request.params.id, request.body), actor);
  });

  app.delete('/api/v1/channels/widgets/:id', { schema: { tags, summary: 'Delete a chat widget', params: idParams } }, async (request, reply) => {
    const actor = admin(request, 'update');
    await removeWidget(settings(actor), request.params.id);
    return reply.status(204).send();
  });

  // ── routing and agents' numbers ─────────────────────────────────────────────
  app.get('/api/v1/channels/routes', {
    schema: { tags, summary: 'Which team receives new conversations from each messaging channel', response: { 200: z.object({ items: z.array(z.object({ channel: z.string(), teamId: z.string().nullable() })), nextCursor: z.null() }) } },
  }, async (request) => {
    admin(request, 'read');
    return { items: await listChannelRoutes(db), nextCursor: null };
  });

  app.put('/api/v1/channels/routes/:channel', {
    schema: { tags, summary: 'Route a messaging channel to a team', params: z.object({ channel: z.enum(routedChannels) }), body: z.object({ teamId: idSchema.nullable() }) },
  }, async (request, reply) => {
    const actor = admin(request, 'update');
    await checkTeam(request.body.teamId);
    await routeChannel(settings(actor), request.params.channel, request.body.teamId);
    return reply.status(204).send();
  });

  app.get('/api/v1/channels/agent-phones', {
    schema: { tags, summary: 'Agents’ direct numbers (a call to one pops only on that agent’s screen)', response: { 200: z.object({ items: z.array(z.object({ number: z.string(), userId: z.string() })), nextCursor: z.null() }) } },
  }, async (request) => {
    admin(request, 'read');
    return { items: await listAgentPhones(db), nextCursor: null };
  });

  app.put('/api/v1/channels/agent-phones/:number', {
    schema: { tags, summary: 'Give an agent a direct number (userId null removes it)', params: z.object({ number: z.string().max(40) }), body: z.object({ userId: idSchema.nullable() }) },
  }, async (request, reply) => {
    const actor = admin(request, 'update');
    const phone = normalisePhone(request.params.number);
    if (!phone) throw problem(400, `"${request.params.number}" is not a phone number in international form (+48…).`);
    await assignAgentPhone(settings(actor), phone.e164, request.body.userId);
    return reply.status(204).send();
  });

  // ── inbound failures ─────────────────────────────────────────────────────────
  app.get('/api/v1/channels/failures', {
    schema: { tags, summary: 'Inbound messages that could not be stored as messages, newest first', querystring: z.object({ ...paginationQuery, all: z.enum(['true', 'false']).optional() }), response: { 200: pageSchema(failureSchema) } },
  }, async (request) => {
    admin(request, 'read');
    const q = request.query;
    const rows = await listFailures(db, { limit: q.limit, after: decodeCursor(q.cursor, 2) as [string, string] | undefined, includeResolved: q.all === 'true' });
    const page = toPage(rows, q.limit, (f) => [iso(f.createdAt), f.id]);
    return { items: page.items.map(presentFailure), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/channels/failures/:id/raw', { schema: { tags, summary: 'The raw bytes as received', params: idParams } }, async (request, reply) => {
    admin(request, 'read');
    const f = await getFailure(db, request.params.id);
    if (!f) throw notFound('Failure', request.params.id);
    const ext = f.channel === 'email' ? 'eml' : 'json';
    return reply
      .header('content-type', f.channel === 'email' ? 'message/rfc822' : 'application/octet-stream')
      .header('content-disposition', `attachment; filename="inbound-${f.id}.${ext}"`)
      .send(Buffer.from(f.raw, 'base64'));
  });

  app.post('/api/v1/channels/failures/:id/retry', {
    schema: { tags, summary: 'Process a kept email again (after fixing the cause)', params: idParams, response: { 200: z.object({ outcome: z.string(), ticketId: z.string().nullable() }) } },
  }, async (request) => {
    const actor = admin(request, 'update');
    const f = await getFailure(db, request.params.id);
    if (!f) throw notFound('Failure', request.params.id);
    if (f.channel !== 'email') throw problem(422, 'Only kept emails can be processed again; webhook payloads are resent by the provider.');
    const result = await ingestEmail(app.ctx, Buffer.from(f.raw, 'base64'), { kind: 'smtp', mailFrom: String((f.envelope as { mailFrom?: string }).mailFrom ?? ''), rcptTo: ((f.envelope as { rcptTo?: string[] }).rcptTo ?? []) });
    await settleRetriedFailure(settings(actor), f.id, result.kind, result.kind === 'message');
    return { outcome: result.kind === 'message' ? result.outcome : result.kind, ticketId: result.kind === 'message' ? result.ticketId : null };
  });

  app.post('/api/v1/channels/failures/:id/resolve', { schema: { tags, summary: 'Mark a kept message as dealt with', params: idParams } }, async (request, reply) => {
    const actor = admin(request, 'update');
    await resolveInboundFailure(settings(actor), request.params.id);
    return reply.status(204).send();
  });
}
