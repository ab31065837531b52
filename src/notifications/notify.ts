/**
 * In-app notifications for staff: a row per recipient (so each reads and dismisses their own)
 * and a realtime push so the bell updates on whichever node the agent is connected to.
 */
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { agentNotifications } from './schema.js';
import type { RealtimeHub } from '../realtime/index.js';
import { listUsers } from '../users/index.js';

export const NOTIFICATION_KINDS = ['sla_warning', 'sla_breach', 'promise_reminder', 'promise_broken', 'handoff'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotificationRow = typeof agentNotifications.$inferSelect;

/**
 * Who hears about a ticket: its assignee; when nobody owns it, everyone on its team; when it has
 * no team either, the managers — an alert nobody receives is no alert. Escalations (breaches,
 * broken promises) also reach the team's managers, who can re-own the case.
 */
export async function ticketRecipients(db: DbOrTx, ticket: { assigneeId: string | null; teamId: string | null }, escalate: boolean): Promise<string[]> {
  const ids = new Set<string>();
  if (ticket.assigneeId) ids.add(ticket.assigneeId);
  if (ticket.teamId && (!ticket.assigneeId || escalate)) {
    const members = await listUsers(db, { limit: 200, teamId: ticket.teamId });
    for (const { user } of members) {
      if (!user.active) continue;
      if (!ticket.assigneeId || user.role === 'manager' || user.role === 'admin') ids.add(user.id);
    }
  }
  if (!ticket.assigneeId && !ticket.teamId) {
    for (const { user } of await listUsers(db, { limit: 200, role: 'manager' })) if (user.active) ids.add(user.id);
  }
  return [...ids];
}

/** Stores one notification per recipient and pushes it to their browsers (best effort after commit). */
export async function notifyUsers(db: DbOrTx, realtime: RealtimeHub | undefined, userIds: string[], note: { kind: NotificationKind; ticketId: string | null; data: Record<string, unknown> }): Promise<void> {
  if (userIds.length === 0) return;
  await db.insert(agentNotifications).values(userIds.map((userId) => ({ id: newId(), userId, ticketId: note.ticketId, kind: note.kind, data: note.data })));
  realtime?.publish({ type: 'notification.created', data: { kind: note.kind, ticketId: note.ticketId }, userIds }).catch(() => {});
}

/** A user's notifications, newest first, keyset-paginated on (created_at, id). */
export async function listNotifications(db: DbOrTx, userId: string, limit: number, options: { after?: [string, string]; unreadOnly?: boolean } = {}): Promise<NotificationRow[]> {
  const conditions = [eq(agentNotifications.userId, userId)];
  if (options.unreadOnly) conditions.push(isNull(agentNotifications.readAt));
  if (options.after) {
    const at = new Date(options.after[0]);
    conditions.push(or(lt(agentNotifications.createdAt, at), and(eq(agentNotifications.createdAt, at), lt(agentNotifications.id, options.after[1])))!);
  }
  return db.select().from(agentNotifications).where(and(...conditions)).orderBy(desc(agentNotifications.createdAt), desc(agentNotifications.id)).limit(limit + 1);
}

/** How many of the user's notifications are unread, for the bell's badge. */
export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(agentNotifications).where(and(eq(agentNotifications.userId, userId), isNull(agentNotifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications (or all when `id` is null) as read. */
export async function markRead(db: DbOrTx, userId: string, id: string | null): Promise<void> {
  const mine = eq(agentNotifications.userId, userId);
  await db.update(agentNotifications).set({ readAt: new Date() }).where(and(mine, isNull(agentNotifications.readAt), id ? eq(agentNotifications.id, id) : undefined));
}
