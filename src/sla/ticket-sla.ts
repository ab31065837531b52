/**
 * A ticket's SLA, kept current: chooses the applicable policy and calendar once (and again
 * when priority, customer, site or asset change), recomputes the clocks from the ticket's
 * history on every change, stores a summary for the queue and schedules the next check.
 */
import type { DbOrTx } from '../db/index.js';
import { enqueue } from '../jobs/index.js';
import { listMessages, type TicketRow } from '../tickets/index.js';
import { resolveCalendar, type CalendarDefinition } from '../calendars/index.js';
import { applicableSla, type CalendarSource } from './applicable-sla.js';
import type { Priority } from './policy-selection.js';
import { slaAlertsFor } from './sla-alerts.js';
import { computeSlaClocks, mostUrgentClock, nextSlaCheckAt, worstSlaState, type SlaClock, type SlaClockPolicy, type SlaState, type StatusChange } from './sla-clock.js';
import { getTicketSla, saveTicketSla, ticketHistory } from './ticket-sla-store.js';

export const SLA_CHECK_JOB = 'sla.check';

export interface AppliedSlaView {
  policyId: string;
  policyName: string;
  targets: SlaClockPolicy;
  calendar: CalendarDefinition;
  calendarSource: CalendarSource;
}

export interface TicketSlaView {
  applied: AppliedSlaView | null;
  clocks: SlaClock[];
  state: SlaState | null;
}

/** Public agent replies of a ticket: what stops the first-response clock and restarts next-update. */
export async function agentUpdateTimes(db: DbOrTx, ticketId: string): Promise<Date[]> {
  const rows = await listMessages(db, ticketId, 5000, undefined, false);
  return rows.filter((m) => m.kind === 'message' && m.direction === 'outbound').map((m) => m.createdAt);
}

/** The status history, or for a ticket older than this module the best reconstruction from the row itself. */
function statusHistoryOf(ticket: TicketRow, recorded: StatusChange[]): StatusChange[] {
  if (recorded.length > 0) return recorded;
  const history: StatusChange[] = [{ at: ticket.createdAt, status: 'new' }];
  if (ticket.status !== 'new') history.push({ at: ticket.solvedAt ?? ticket.closedAt ?? ticket.updatedAt, status: ticket.status });
  return history;
}

/**
 * A ticket's applied SLA and its clocks at `now`, without writing anything. With `reapply`,
 * the policy and calendar are chosen afresh; otherwise the ones captured earlier keep counting,
 * so editing a policy does not rewrite the deadlines of cases already running.
 */
export async function ticketSlaClocks(db: DbOrTx, ticket: TicketRow, options: { now?: Date; reapply?: boolean } = {}): Promise<TicketSlaView> {
  const now = options.now ?? new Date();
  const stored = await getTicketSla(db, ticket.id);
  let applied: AppliedSlaView | null =
    stored?.policyId && stored.targets && stored.calendar
      ? { policyId: stored.policyId, policyName: stored.policyName ?? '', targets: stored.targets as SlaClockPolicy, calendar: stored.calendar as CalendarDefinition, calendarSource: (stored.calendarSource ?? 'default') as CalendarSource }
      : null;
  if (options.reapply || !applied) {
    applied = await applicableSla(db, { priority: ticket.priority as Priority, organisationId: ticket.organisationId, contactId: ticket.contactId, siteId: ticket.siteId, assetId: ticket.assetId }, now);
  }
  let clocks: SlaClock[] = [];
  if (applied && !ticket.mergedIntoId) {
    const history = await ticketHistory(db, ticket.id);
    clocks = computeSlaClocks({
      createdAt: ticket.createdAt,
      statusHistory: statusHistoryOf(ticket, history.statuses),
      agentUpdates: await agentUpdateTimes(db, ticket.id),
      calendar: resolveCalendar(applied.calendar),
      policy: applied.targets,
      now,
    });
  }
  return { applied, clocks, state: worstSlaState(clocks) };
}

/**
 * Recomputes a ticket's SLA at `now` (see `ticketSlaClocks`), stores the summary the queue
 * shows and schedules the check that will send the next warning or breach.
 */
export async function refreshTicketSla(db: DbOrTx, ticket: TicketRow, options: { now?: Date; reapply?: boolean } = {}): Promise<TicketSlaView> {
  const now = options.now ?? new Date();
  const view = await ticketSlaClocks(db, ticket, { ...options, now });
  const { applied, clocks } = view;
  const urgent = mostUrgentClock(clocks);
  await saveTicketSla(db, {
    ticketId: ticket.id,
    policyId: applied?.policyId ?? null,
    policyName: applied?.policyName ?? null,
    targets: applied?.targets ?? null,
    calendar: applied?.calendar ?? null,
    calendarSource: applied?.calendarSource ?? null,
    // The queue shows the clock that matters now; past breaches are counted in `breaches`.
    state: urgent?.state ?? null,
    metric: urgent?.metric ?? null,
    dueAt: urgent?.dueAt ?? null,
    warningAt: urgent?.warningAt ?? null,
    remainingMinutes: urgent?.remainingBusinessMinutes ?? null,
    breaches: clocks.filter((c) => c.state === 'breached').length + clocks.reduce((n, c) => n + c.earlierBreaches, 0),
    computedAt: now,
  });

  const nextCheck = nextSlaCheckAt(clocks, now);
  if (nextCheck) await enqueue(db, SLA_CHECK_JOB, { ticketId: ticket.id }, { runAt: nextCheck, dedupeKey: `${SLA_CHECK_JOB}:${ticket.id}:${nextCheck.toISOString()}` });
  // An alert already due (a change made it late, or a check was missed) is sent by a check right away.
  for (const alert of slaAlertsFor(ticket.id, clocks)) await enqueue(db, SLA_CHECK_JOB, { ticketId: ticket.id }, { dedupeKey: `${SLA_CHECK_JOB}:${alert.key}` });
  return view;
}
