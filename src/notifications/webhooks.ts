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
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { outboundWebhooks, webhookDeliveries } from './schema.js';
import { enqueue } from '../jobs/index.js';

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
export async function deliverWebhook(db: DbOrTx, deliveryId: string, timeoutMs = 10_000): Promise<void> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: outboundWebhooks })
    .from(webhookDeliveries)
    .innerJoin(outboundWebhooks, eq(outboundWebhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhookDeliveries.id, deliveryId)));
  if (!row || row.delivery.deliveredAt || !row.endpoint.active) return;
  const body = JSON.stringify(row.delivery.payload);
  let status: number | null = null;
  try {
    const res = await fetch(row.endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Rapport-Webhooks/1',
        'x-rapport-event': row.delivery.eventType,
        'x-rapport-delivery': row.delivery.id,
        'x-rapport-signature': signWebhookBody(body, row.endpoint.secret),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    if (!res.ok) throw new Error(`the endpoint answered ${res.status}`);
    await db.update(webhookDeliveries).set({ deliveredAt: new Date(), responseStatus: status, lastError: null }).where(eq(webhookDeliveries.id, deliveryId));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.update(webhookDeliveries).set({ responseStatus: status, lastError: message.slice(0, 500) }).where(eq(webhookDeliveries.id, deliveryId));
    throw err;
  }
}
