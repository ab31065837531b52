/**
 * Keeps SLA history and clocks in step with tickets: runs inside each ticket change's own
 * transaction (ticket hooks), so the history row, the clock summary and the next check job
 * commit or roll back with the change itself.
 */
import type { TicketChange } from '../tickets/index.js';
import type { Tx } from '../db/index.js';
import { recordAssignment, recordStatusChange } from './ticket-sla-store.js';
import { refreshTicketSla } from './ticket-sla.js';
import type { TicketStatus } from './sla-clock.js';

const SLA_INPUTS = ['priority', 'organisationId', 'contactId', 'siteId', 'assetId'] as const;

/**
 * Records the status or owner a change brought, at the instant it took effect (a message's time
 * for message-driven changes, the ticket's update time otherwise), then recomputes the clocks.
 * The policy is chosen again when something it depends on changed.
 */
export async function onTicketChange(tx: Tx, change: TicketChange): Promise<void> {
  const ticket = change.ticket;
  if (change.type === 'created') {
    await recordStatusChange(tx, ticket.id, ticket.createdAt, ticket.status as TicketStatus);
    if (ticket.assigneeId || ticket.teamId) await recordAssignment(tx, ticket.id, ticket.createdAt, ticket.assigneeId, ticket.teamId);
    await refreshTicketSla(tx, ticket, { reapply: true });
    return;
  }
  const before = change.before;
  const at = change.type === 'message' ? change.message.createdAt : ticket.updatedAt;
  if (before.status !== ticket.status) await recordStatusChange(tx, ticket.id, at, ticket.status as TicketStatus);
  if (before.assigneeId !== ticket.assigneeId || before.teamId !== ticket.teamId) await recordAssignment(tx, ticket.id, at, ticket.assigneeId, ticket.teamId);
  const reapply = SLA_INPUTS.some((k) => before[k] !== ticket[k]);
  await refreshTicketSla(tx, ticket, { reapply });
}
