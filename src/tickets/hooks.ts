import type { Tx } from '../db/client.js';
import type { MessageRow, TicketRow } from './store.js';

export type TicketChange =
  | { type: 'created'; ticket: TicketRow; message: MessageRow | null; actorUserId: string | null }
  | { type: 'updated'; ticket: TicketRow; before: TicketRow; actorUserId: string | null; summary?: string }
  | { type: 'message'; ticket: TicketRow; before: TicketRow; message: MessageRow; actorUserId: string | null };

export type TicketHook = (tx: Tx, change: TicketChange) => Promise<void>;

const hooks = new Map<string, TicketHook>();

/**
 * Lets another capability react to every ticket change inside the same transaction (SLA clocks,
 * patience, outbound delivery), so its records commit or roll back with the change itself.
 * Keyed by name: registering twice (several apps in one test process) keeps one.
 */
export function registerTicketHook(name: string, hook: TicketHook): void {
  hooks.set(name, hook);
}

export async function runTicketHooks(tx: Tx, change: TicketChange): Promise<void> {
  for (const hook of hooks.values()) await hook(tx, change);
}
