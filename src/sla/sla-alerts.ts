/**
 * Turns SLA clocks into the alerts a job should send. Alerts carry a key that names the clock
 * cycle and the kind, so storing them under a unique key makes every alert fire once — across
 * restarts and when several nodes run the same job.
 */
import type { SlaClock, SlaMetric } from './sla-clock.js';

export type SlaAlertKind = 'warning' | 'breach';

export interface SlaAlert {
  key: string;
  metric: SlaMetric;
  kind: SlaAlertKind;
  /** The start of the measured interval; next-update clocks restart at every reply. */
  cycleStartedAt: Date;
  dueAt: Date | null;
  remainingBusinessMinutes: number;
}

/** The unique key of an alert for a ticket's clock cycle. */
export function slaAlertKey(ticketId: string, metric: SlaMetric, cycleStartedAt: Date, kind: SlaAlertKind): string {
  return `${ticketId}:${metric}:${cycleStartedAt.toISOString()}:${kind}`;
}

/**
 * The alerts a ticket's clocks call for now: a warning for a clock running in its warning zone,
 * a breach for a clock that breached (even if it has since stopped — the breach happened).
 * A clock that went straight to breach gets no stale warning. Callers drop keys already sent.
 */
export function slaAlertsFor(ticketId: string, clocks: readonly SlaClock[]): SlaAlert[] {
  const alerts: SlaAlert[] = [];
  for (const c of clocks) {
    const kind: SlaAlertKind | null = c.state === 'warning' ? 'warning' : c.state === 'breached' ? 'breach' : null;
    if (!kind) continue;
    alerts.push({
      key: slaAlertKey(ticketId, c.metric, c.startedAt, kind),
      metric: c.metric,
      kind,
      cycleStartedAt: c.startedAt,
      dueAt: c.dueAt,
      remainingBusinessMinutes: c.remainingBusinessMinutes,
    });
  }
  return alerts;
}
