/* eslint-disable @typescript-eslint/no-explicit-any -- the same two commands serve five customer-data tables; the routes' zod schemas carry the types */
/**
 * Commands of customer data (organisations, sites, contacts, contracts, assets). Each opens one
 * transaction in which the record changes and its audit entry is written; called inside another
 * command's transaction (a first email creating its sender), it joins that one.
 */
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { diff, recordAudit } from '../audit/index.js';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { contacts } from './schema.js';
import type { ContactRow } from './store.js';

type AnyRow = Record<string, any> & { id: string };
type ResourceTable = PgTable & { id: PgColumn; updatedAt: PgColumn };

export interface CustomerCommandContext {
  db: DbOrTx;
  actorUserId?: string | null;
  /** Who did it when no user did ("email", "whatsapp" …). */
  actorLabel?: string | null;
}

/** Inserts one record of a customer-data table; `entity` names it on the audit trail. */
export async function createRecord(ctx: CustomerCommandContext, table: ResourceTable, entity: string, values: Record<string, unknown>): Promise<AnyRow> {
  return ctx.db.transaction(async (tx) => {
    const withId = { id: newId(), ...values };
    const [created] = (await tx.insert(table as any).values(withId).returning()) as AnyRow[];
    await recordAudit(tx, { actorUserId: ctx.actorUserId ?? null, actorLabel: ctx.actorLabel ?? null, entity, entityId: created.id, action: 'create', changes: diff({}, withId) });
    return created;
  });
}

/** Changes one record, auditing the fields that differ from `before` (the row the caller authorized). */
export async function updateRecord(ctx: CustomerCommandContext, table: ResourceTable, entity: string, before: AnyRow, patch: Record<string, unknown>): Promise<AnyRow> {
  return ctx.db.transaction(async (tx) => {
    const t = table as any;
    const [updated] = (await tx.update(t).set({ ...patch, updatedAt: new Date() }).where(eq(t.id, before.id)).returning()) as AnyRow[];
    if (!updated) throw notFound(entity, before.id);
    await recordAudit(tx, { actorUserId: ctx.actorUserId ?? null, actorLabel: ctx.actorLabel ?? null, entity, entityId: updated.id, action: 'update', changes: diff(before, patch) });
    return updated;
  });
}

export type NewContact = Omit<typeof contacts.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * Creates a contact with the same normalisation as the contacts API (lower-case emails) and an
 * audit entry, for capabilities that meet new people (a first email, a first WhatsApp message).
 */
export async function createContact(db: DbOrTx, values: NewContact, actor: { userId?: string | null; label?: string }): Promise<ContactRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contacts)
      .values({ ...values, id: newId(), emails: (values.emails ?? []).map((e) => e.trim().toLowerCase()) })
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.userId ?? null, actorLabel: actor.label ?? null, entity: 'contact', entityId: row.id, action: 'create',
      changes: diff({}, { name: row.name, emails: row.emails.length ? row.emails : undefined, phones: row.phones.length ? row.phones : undefined }),
    });
    return row;
  });
}
