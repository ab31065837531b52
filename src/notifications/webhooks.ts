/**
 * Outgoing webhooks: SLA warnings and breaches, promise reminders and breaks, hand-offs — sent
 * to the endpoints that subscribed to them, signed so the receiver can trust them, retried by
 * the durable job queue until the endpoint answers 2xx.
 *
 * Signature: `X-Rapport-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the
 * endpoint's secret>`, plus `X-Rapport-Event` and `X-Rapport-Delivery` (the delivery id, stable
 * across retries, for the receiver's idempotency).
 */
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import ipaddr from 'ipaddr.js';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { outboundWebhooks, webhookDeliveries } from './schema.js';
import { enqueue } from '../jobs/index.js';
import type { SecretBox } from '../secrets/index.js';
import { guardedLookup, refusedAddress, WebhookTargetError } from './webhook-target.js';

export const WEBHOOK_EVENTS = ['sla.warning', 'sla.breach', 'promise.reminder', 'promise.broken', 'ticket.handoff'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_DELIVER_JOB = 'webhook.deliver';

/** The signature header value for a body; receivers compute the same to verify. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Records an event for every active endpoint subscribed to it (or to "*") and schedules its
 * delivery. Runs inside the caller's transaction: an event whose cause rolls back is never sent.
 */
export async function emitWebhookEvent(db: DbOrTx, type: WebhookEvent, data: Record<string, unknown>, at = new Date()): Promise<void> {
  const endpoints = await db.select().from(outboundWebhooks).where(eq(outboundWebhooks.active, true));
  const eventId = newId();
  for (const endpoint of endpoints) {
    if (!endpoint.events.includes(type) && !endpoint.events.includes('*')) continue;
    const id = newId();
    await db.insert(webhookDeliveries).values({ id, webhookId: endpoint.id, eventId, eventType: type, payload: { id: eventId, type, createdAt: at.toISOString(), data } });
    await enqueue(db, WEBHOOK_DELIVER_JOB, { deliveryId: id }, { dedupeKey: `${WEBHOOK_DELIVER_JOB}:${id}`, maxAttempts: 8 });
  }
}

/**
 * Sends one delivery. Throws on a network error or a non-2xx answer so the job queue retries
 * with back-off; the last status and error stay on the delivery record for admins to see.
 */
export async function deliverWebhook(db: DbOrTx, secrets: SecretBox, deliveryId: string, options: { timeoutMs?: number; allowPrivate?: boolean } = {}): Promise<void> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: outboundWebhooks })
    .from(webhookDeliveries)
    .innerJoin(outboundWebhooks, eq(outboundWebhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhookDeliveries.id, deliveryId)));
  if (!row || row.delivery.deliveredAt || !row.endpoint.active) return;
  const body = JSON.stringify(row.delivery.payload);
  let status: number | null = null;
  try {
    status = await postJson(row.endpoint.url, body, {
      'user-agent': 'Rapport-Webhooks/1',
      'x-rapport-event': row.delivery.eventType,
      'x-rapport-delivery': row.delivery.id,
      'x-rapport-signature': signWebhookBody(body, secrets.open(row.endpoint.secret)),
    }, options.timeoutMs ?? 10_000, options.allowPrivate ?? false);
    if (status < 200 || status >= 300) throw new Error(`the endpoint answered ${status}`);
    await db.update(webhookDeliveries).set({ deliveredAt: new Date(), responseStatus: status, lastError: null }).where(eq(webhookDeliveries.id, deliveryId));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.update(webhookDeliveries).set({ responseStatus: status, lastError: message.slice(0, 500) }).where(eq(webhookDeliveries.id, deliveryId));
    throw err;
  }
}

/**
 * POSTs a JSON body and resolves with the status. node:http rather than fetch, for its `lookup`
 * hook: the private-address check runs on the address actually connected to (webhook-target.ts).
 */
function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number, allowPrivate: boolean): Promise<number> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // An IP literal is dialled without a lookup, so it is checked here.
  const literalRefused = !allowPrivate && ipaddr.isValid(host) ? refusedAddress(host) : null;
  if (literalRefused) return Promise.reject(new WebhookTargetError(`refused to connect: ${literalRefused}`));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(target, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      lookup: guardedLookup(allowPrivate),
      timeout: timeoutMs,
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
