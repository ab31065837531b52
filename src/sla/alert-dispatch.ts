/**
 * Sends SLA warnings and breaches: each alert is first claimed by inserting its unique key, and
 * only the node whose insert succeeded notifies — so an alert fires once however many nodes,
 * retries or duplicate check jobs there are.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import type { RealtimeHub } from '../realtime/index.js';
import type { TicketRow } from '../tickets/index.js';
import { notifyUsers, ticketRecipients } from '../notifications/index.js';
import { slaAlertsFor, type SlaAlert } from './sla-alerts.js';
import type { SlaClock } from './sla-clock.js';
import { emitWebhookEvent } from '../notifications/index.js';

async function claim(db: DbOrTx, ticketId: string, alert: SlaAlert): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`
    insert into sla_alerts (id, key, ticket_id, metric, kind, due_at)
    values (${newId()}, ${alert.key}, ${ticketId}, ${alert.metric}, ${alert.kind}, ${alert.dueAt?.toISOString() ?? null})
    on conflict (key) do nothing returning id`);
  return rows.length > 0;
}

/**
 * Claims and sends the alerts a ticket's clocks call for. With `silent`, alerts are only
 * recorded as sent (used when back-filling old tickets, whose breaches are history, not news).
 * Returns the alerts this call sent.
 */
export async function dispatchSlaAlerts(db: DbOrTx, realtime: RealtimeHub | undefined, ticket: TicketRow, clocks: readonly SlaClock[], options: { silent?: boolean } = {}): Promise<SlaAlert[]> {
  const sent: SlaAlert[] = [];
  for (const alert of slaAlertsFor(ticket.id, clocks)) {
    if (!(await claim(db, ticket.id, alert))) continue;
    sent.push(alert);
    if (options.silent) continue;
    const data = {
      ticketId: ticket.id, number: ticket.number, subject: ticket.subject, priority: ticket.priority, metric: alert.metric,
      dueAt: alert.dueAt?.toISOString() ?? null, remainingBusinessMinutes: alert.remainingBusinessMinutes, assigneeId: ticket.assigneeId, teamId: ticket.teamId,
    };
    const recipients = await ticketRecipients(db, ticket, alert.kind === 'breach');
    await notifyUsers(db, realtime, recipients, { kind: alert.kind === 'breach' ? 'sla_breach' : 'sla_warning', ticketId: ticket.id, data });
    await emitWebhookEvent(db, alert.kind === 'breach' ? 'sla.breach' : 'sla.warning', data);
  }
  return sent;
}
