/** Commands of outgoing webhook endpoints: each change and its audit entry in one transaction. */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { newId } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { outboundWebhooks } from './schema.js';

export interface WebhookCommandContext {
  db: Db;
  actorUserId: string | null;
}

export type WebhookRow = typeof outboundWebhooks.$inferSelect;

/** Subscribes an endpoint; `sealedSecret` is the signing secret as stored (sealed by src/secrets). */
export async function addWebhook(ctx: WebhookCommandContext, input: { url: string; events: string[]; active: boolean; sealedSecret: string }): Promise<WebhookRow> {
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx.insert(outboundWebhooks).values({ id: newId(), url: input.url, events: input.events, active: input.active, secret: input.sealedSecret }).returning();
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'webhook', entityId: created.id, action: 'create', changes: { url: { from: null, to: created.url }, events: { from: null, to: created.events } } });
    return created;
  });
}

export async function removeWebhook(ctx: WebhookCommandContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(outboundWebhooks).where(eq(outboundWebhooks.id, id)).returning();
    if (!row) throw notFound('Webhook', id);
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'webhook', entityId: row.id, action: 'delete', changes: { url: { from: row.url, to: null } } });
  });
}
