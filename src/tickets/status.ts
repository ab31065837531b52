import type { openStatuses, ticketPriorities, ticketStatuses } from './schema.js';

export type TicketStatus = (typeof ticketStatuses)[number];
export type TicketPriority = (typeof ticketPriorities)[number];
export type OpenStatus = (typeof openStatuses)[number];

export const priorityRank: Record<TicketPriority, number> = { low: 1, normal: 2, high: 3, urgent: 4 };

export const isOpenStatus = (s: TicketStatus): s is OpenStatus => s === 'new' || s === 'open' || s === 'pending' || s === 'on_hold';

export type MessageEvent = { kind: 'message' | 'note' | 'event'; direction: 'inbound' | 'outbound' | 'internal' };

/**
 * The status a ticket moves to when a message arrives. A customer's message wakes a case that
 * waits on them or was solved (they are not satisfied); an agent's first public reply takes a
 * new case into work. Notes never change the status: they are not contact with the customer.
 */
export function statusAfterMessage(current: TicketStatus, message: MessageEvent): TicketStatus {
  if (message.kind !== 'message') return current;
  if (message.direction === 'inbound') {
    return current === 'pending' || current === 'solved' || current === 'new' ? (current === 'new' ? 'new' : 'open') : current;
  }
  if (message.direction === 'outbound' && current === 'new') return 'open';
  return current;
}

/** Timestamps that follow a status change: solved/closed times are set on entry and cleared on reopen. */
export function statusTimestamps(from: TicketStatus, to: TicketStatus, now: Date): { solvedAt?: Date | null; closedAt?: Date | null } {
  if (from === to) return {};
  const out: { solvedAt?: Date | null; closedAt?: Date | null } = {};
  if (to === 'solved') out.solvedAt = now;
  if (to === 'closed') out.closedAt = now;
  if (isOpenStatus(to)) {
    out.solvedAt = null;
    out.closedAt = null;
  }
  return out;
}
