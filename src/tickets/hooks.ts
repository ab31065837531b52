import type { Tx } from '../db/index.js';
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
