import type { DbOrTx, Tx } from '../db/index.js';
import { extensionPoint, type Registry } from '../http/index.js';
import type { MessageRow, TicketRow } from './store.js';

export type TicketChange =
  | { type: 'created'; ticket: TicketRow; message: MessageRow | null; actorUserId: string | null }
  | { type: 'updated'; ticket: TicketRow; before: TicketRow; actorUserId: string | null; summary?: string }
  | { type: 'message'; ticket: TicketRow; before: TicketRow; message: MessageRow; actorUserId: string | null };

export type TicketHook = (tx: Tx, change: TicketChange) => Promise<void>;

/**
 * Lets another capability react to every ticket change inside the same transaction (SLA clocks,
 * patience, outbound delivery), so its records commit or roll back with the change itself.
 * Entries are keyed by the owner's name in the app's registry.
 */
export const ticketHooks = extensionPoint<TicketHook>('tickets.hooks');

export async function runTicketHooks(registry: Registry | undefined, tx: Tx, change: TicketChange): Promise<void> {
  for (const hook of registry?.list(ticketHooks) ?? []) await hook(tx, change);
}

/** What a router knows about a case opened without a team. */
export interface NewTicketFacts {
  channel: string;
  organisationId: string | null;
  contactId: string | null;
}

/** Answers the team a new case without one should go to, or null when it has no opinion. */
export type TicketRouter = (db: DbOrTx, facts: NewTicketFacts) => Promise<string | null>;

/**
 * Routing for cases the tickets capability opens itself (a customer's portal request), so they
 * reach a team's queue the way chat and messaging cases do; the channels capability registers
 * its per-channel routes here. Tickets cannot import channels (channels depends on tickets).
 */
export const ticketRouters = extensionPoint<TicketRouter>('tickets.routers');

/** The team the first router with an answer picks for a new case, or null. */
export async function routeNewTicket(registry: Registry | undefined, db: DbOrTx, facts: NewTicketFacts): Promise<string | null> {
  for (const router of registry?.list(ticketRouters) ?? []) {
    const teamId = await router(db, facts);
    if (teamId) return teamId;
  }
  return null;
}
