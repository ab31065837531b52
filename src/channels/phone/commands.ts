/** The agent's change to a call: which ticket its log goes on, audited in the same transaction. */
import { recordAudit } from '../../audit/index.js';
import type { Db } from '../../db/index.js';
import { updateCall, type CallRow } from './store.js';

/** Links a live call to the ticket the agent picked on the screen pop, so the log lands there. */
export async function linkCallToTicket(ctx: { db: Db; actorUserId: string | null }, call: CallRow, ticketId: string): Promise<CallRow> {
  return ctx.db.transaction(async (tx) => {
    const row = await updateCall(tx, call.id, { ticketId });
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'call', entityId: call.id, action: 'link_ticket', changes: { ticketId: { from: call.ticketId, to: ticketId } } });
    return row;
  });
}
