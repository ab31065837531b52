/**
 * The SLA of a queue row from the stored summary, brought up to the minute without reading the
 * ticket's history: the summary holds the most urgent clock's due and warning instants and the
 * calendar, which is enough to say how much business time is left now.
 */
import { resolveCalendar, type CalendarDefinition } from '../calendars/index.js';
import { businessMinutesBetween } from '../calendars/index.js';
import type { SlaMetric, SlaState } from './sla-clock.js';
import type { TicketSlaRow } from './ticket-sla-store.js';

export interface QueueSla {
  ticketId: string;
  state: SlaState | null;
  metric: SlaMetric | null;
  dueAt: string | null;
  remainingBusinessMinutes: number | null;
  breaches: number;
}

/** Live state and time left of a stored summary at `now` (running clocks move; paused and stopped ones do not). */
export function queueSlaItem(row: TicketSlaRow, now: Date): QueueSla {
  let state = row.state as SlaState | null;
  let remaining = row.remainingMinutes;
  const running = state === 'ok' || state === 'warning' || state === 'breached';
  if (running && row.dueAt && row.calendar) {
    // Ceiling matches the clocks' own rounding (target minus whole elapsed minutes).
    remaining = Math.ceil(businessMinutesBetween(resolveCalendar(row.calendar as CalendarDefinition), now, row.dueAt));
    if (now >= row.dueAt) state = 'breached';
    else if (state === 'ok' && row.warningAt && now >= row.warningAt) state = 'warning';
  }
  return { ticketId: row.ticketId, state, metric: row.metric as SlaMetric | null, dueAt: row.dueAt?.toISOString() ?? null, remainingBusinessMinutes: remaining, breaches: row.breaches };
}
