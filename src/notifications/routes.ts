/** The signed-in user's notifications, and the admin's outgoing webhook endpoints and deliveries. */
import { randomBytes } from 'node:crypto';
import { checkWebhookUrl, WebhookTargetError } from './webhook-target.js';
import { webhooksMayGoPrivate } from './settings.js';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { outboundWebhooks, webhookDeliveries } from './schema.js';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { decodeCursor, iso, pageSchema, paginationQuery, toPage } from '../http/index.js';
import { problem } from '../errors/index.js';
import { idParams, idSchema } from '../http/index.js';
import { authorize } from '../policies/index.js';
import { listNotifications, markRead, NOTIFICATION_KINDS, unreadCount } from './notify.js';
import { WEBHOOK_EVENTS } from './webhooks.js';
import { addWebhook, removeWebhook } from './commands.js';

const notificationSchema = z
  .object({ id: z.string(), kind: z.enum(NOTIFICATION_KINDS), ticketId: z.string().nullable(), data: z.record(z.string(), z.unknown()), createdAt: z.string(), readAt: z.string().nullable() })
  .meta({ id: 'Notification' });

const webhookSchema = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.string()), active: z.boolean(), createdAt: z.string() })
  .meta({ id: 'OutboundWebhook' });
const webhookInput = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  events: z.array(z.enum([...WEBHOOK_EVENTS, '*'])).min(1),
  active: z.boolean().default(true),
});

type WebhookRow = typeof outboundWebhooks.$inferSelect;
async function refuseUnsafeTarget(url: string, allowPrivate: boolean) {
  try {
    await checkWebhookUrl(url, allowPrivate);
  } catch (err) {
    if (err instanceof WebhookTargetError) throw problem(400, err.message, { errors: [{ path: 'body.url', message: 'not a public address' }] });
    throw err;
  }
}

const presentWebhook = (r: WebhookRow) => ({ id: r.id, url: r.url, events: r.events, active: r.active, createdAt: iso(r.createdAt)! });

/** Registers the user's notifications and the admin's outgoing webhook endpoints. */
export default async function notificationRoutes(app: App) {
  const { db } = app.ctx;

  app.get('/api/v1/notifications', {
    schema: {
      tags: ['notifications'], summary: 'My notifications, newest first', querystring: z.object({ ...paginationQuery, unread: z.enum(['true', 'false']).optional() }),
      response: { 200: pageSchema(notificationSchema).extend({ unread: z.number() }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const rows = await listNotifications(db, actor.userId, request.query.limit, { after: decodeCursor(request.query.cursor, 2) as [string, string] | undefined, unreadOnly: request.query.unread === 'true' });
    const page = toPage(rows, request.query.limit, (r) => [iso(r.createdAt), r.id]);
    return {
      items: page.items.map((r) => ({ id: r.id, kind: r.kind as (typeof NOTIFICATION_KINDS)[number], ticketId: r.ticketId, data: r.data as Record<string, unknown>, createdAt: iso(r.createdAt)!, readAt: iso(r.readAt) })),
      nextCursor: page.nextCursor,
      unread: await unreadCount(db, actor.userId),
    };
  });

  app.post('/api/v1/notifications/read', {
    schema: { tags: ['notifications'], summary: 'Mark one notification (or, without id, all of mine) read', body: z.object({ id: idSchema.optional() }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await markRead(db, actor.userId, request.body.id ?? null);
    return reply.status(204).send();
  });

  const tags = ['webhooks'];
  app.get('/api/v1/outbound-webhooks', { schema: { tags, summary: 'Outgoing webhook endpoints', response: { 200: z.object({ items: z.array(webhookSchema), nextCursor: z.null() }) } } }, async (request) => {
    authorize(requireActor(request), 'read', 'webhook');
    const rows = await db.select().from(outboundWebhooks).orderBy(outboundWebhooks.createdAt);
    return { items: rows.map(presentWebhook), nextCursor: null };
  });

  app.post('/api/v1/outbound-webhooks', {
    schema: { tags, summary: 'Subscribe an endpoint to events; the signing secret is shown once', body: webhookInput, response: { 201: webhookSchema.extend({ secret: z.string() }) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'webhook');
    await refuseUnsafeTarget(request.body.url, webhooksMayGoPrivate(app.ctx.config.env));
    const secret = randomBytes(24).toString('base64url');
    const row = await addWebhook({ db, actorUserId: actor.userId }, { url: request.body.url, events: request.body.events, active: request.body.active, sealedSecret: app.ctx.secrets.seal(secret) });
    return reply.status(201).send({ ...presentWebhook(row), secret });
  });

  app.delete('/api/v1/outbound-webhooks/:id', { schema: { tags, summary: 'Remove an endpoint', params: idParams } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'webhook');
    await removeWebhook({ db, actorUserId: actor.userId }, request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/v1/outbound-webhooks/:id/deliveries', {
    schema: {
      tags, summary: 'Deliveries to an endpoint, newest first', params: idParams, querystring: z.object(paginationQuery),
      response: { 200: pageSchema(z.object({ id: z.string(), eventType: z.string(), responseStatus: z.number().nullable(), lastError: z.string().nullable(), deliveredAt: z.string().nullable(), createdAt: z.string() })) },
    },
  }, async (request) => {
    authorize(requireActor(request), 'read', 'webhook');
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor, 2) as [string, string] | undefined;
    const at = after ? new Date(after[0]) : null;
    const rows = await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.webhookId, request.params.id), at && after ? or(lt(webhookDeliveries.createdAt, at), and(eq(webhookDeliveries.createdAt, at), lt(webhookDeliveries.id, after[1]))) : undefined))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(limit + 1);
    const page = toPage(rows, limit, (r) => [iso(r.createdAt), r.id]);
    return {
      items: page.items.map((r) => ({ id: r.id, eventType: r.eventType, responseStatus: r.responseStatus, lastError: r.lastError, deliveredAt: iso(r.deliveredAt), createdAt: iso(r.createdAt)! })),
      nextCursor: page.nextCursor,
    };
  });
}
