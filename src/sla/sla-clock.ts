/**
 * SLA clocks of one ticket, computed from its history rather than stored as running timers:
 * anything (a restart, a second node, a back-dated status change) can recompute the same answer.
 *
 * Three metrics:
 * - first_response: from creation to the first public agent reply;
 * - next_update: from each public agent reply to the next one (the customer is never left
 *   without news for longer than the target);
 * - resolution: from creation to solved; time spent solved does not count if the ticket reopens.
 * Every clock pauses while the ticket is pending (waiting on the customer) and resumes when it
 * leaves pending (their reply reopens it). On-hold (waiting on a third party) pauses only when
 * the policy says so. A solved or closed ticket owes nothing, so its clocks stop.
 */
import type { BusinessCalendar } from '../calendars/index.js';
import { addBusinessMinutes, businessMillisecondsBetween, type Pause } from '../calendars/index.js';
import { MINUTE_MS } from '../calendars/index.js';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const SLA_METRICS = ['first_response', 'next_update', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export type SlaState = 'ok' | 'warning' | 'breached' | 'met' | 'paused';

/** A status the ticket entered at an instant (the creation status included). */
export interface StatusChange {
  at: Date;
  status: TicketStatus;
}

/** Targets in business minutes (null or absent: not measured) and how the clocks behave. */
export interface SlaClockPolicy {
  firstResponseMinutes?: number | null;
  nextUpdateMinutes?: number | null;
  resolutionMinutes?: number | null;
  /** Fraction of the target after which the clock is in warning, e.g. 0.8. */
  warningRatio: number;
  /** Whether on-hold (waiting on a third party) pauses the clocks. */
  pauseOnHold: boolean;
}

export interface SlaClockInput {
  createdAt: Date;
  statusHistory: readonly StatusChange[];
  /** Instants of public replies by agents to the customer (not internal notes). */
  agentUpdates: readonly Date[];
  calendar: BusinessCalendar;
  policy: SlaClockPolicy;
  now: Date;
}

/** One clock's standing at `now`. */
export interface SlaClock {
  metric: SlaMetric;
  targetMinutes: number;
  startedAt: Date;
  /** When the target falls (or fell) due; null while paused and not yet breached. */
  dueAt: Date | null;
  /** When the warning threshold is (or was) reached; null while paused before reaching it. */
  warningAt: Date | null;
  /** When the clock stopped (reply sent, ticket solved); null while it still runs or is paused. */
  stoppedAt: Date | null;
  elapsedBusinessMinutes: number;
  /** Target minus elapsed; negative after a breach. */
  remainingBusinessMinutes: number;
  state: SlaState;
  /** next_update only: how many earlier update intervals of this ticket ran over the target. */
  earlierBreaches: number;
}

interface Segment {
  from: number;
  to: number; // Infinity for the status the ticket is in now
  status: TicketStatus;
}

function segments(input: SlaClockInput): Segment[] {
  const created = input.createdAt.getTime();
  const changes = [...input.statusHistory]
    .map((c) => ({ at: Math.max(c.at.getTime(), created), status: c.status }))
    .sort((a, b) => a.at - b.at);
  if (changes.length === 0 || changes[0]!.at > created) changes.unshift({ at: created, status: 'new' });
  return changes.map((c, i) => ({ from: c.at, to: changes[i + 1]?.at ?? Infinity, status: c.status }));
}

function isPausing(status: TicketStatus, policy: SlaClockPolicy): boolean {
  return status === 'pending' || status === 'solved' || status === 'closed' || (status === 'on_hold' && policy.pauseOnHold);
}

/** Pauses as closed intervals, the one still running cut at `now`. */
function pausesUntil(segs: readonly Segment[], policy: SlaClockPolicy, now: number): Pause[] {
  return segs
    .filter((s) => isPausing(s.status, policy) && s.from < now)
    .map((s) => ({ start: new Date(s.from), end: new Date(Math.min(s.to, now)) }));
}

interface ClockSpec {
  metric: SlaMetric;
  target: number;
  start: number;
  /** Instant the obligation was fulfilled, if it was. */
  stop: number | null;
  earlierBreaches: number;
}

function evaluate(spec: ClockSpec, input: SlaClockInput, segs: readonly Segment[], current: Segment): SlaClock {
  const now = input.now.getTime();
  const { calendar, policy } = input;
  // A solved or closed ticket stops every clock at the moment it was solved.
  const stop = spec.stop ?? (current.status === 'solved' || current.status === 'closed' ? Math.max(current.from, spec.start) : null);
  const end = Math.min(stop ?? now, now);
  const pauses = pausesUntil(segs, policy, end);
  const elapsedMs = end > spec.start ? businessMillisecondsBetween(calendar, new Date(spec.start), new Date(end), pauses) : 0;
  const targetMs = spec.target * MINUTE_MS;
  const pausedNow = stop === null && isPausing(current.status, policy) && current.from <= now;
  const breached = elapsedMs >= targetMs && (stop === null || elapsedMs > targetMs);
  const due = addBusinessMinutes(calendar, new Date(spec.start), spec.target, pauses);
  const warningAtDate = addBusinessMinutes(calendar, new Date(spec.start), spec.target * policy.warningRatio, pauses);
  let state: SlaState;
  if (stop !== null) state = breached ? 'breached' : 'met';
  else if (breached) state = 'breached';
  else if (pausedNow) state = 'paused';
  else state = elapsedMs >= targetMs * policy.warningRatio ? 'warning' : 'ok';
  const elapsed = Math.floor(elapsedMs / MINUTE_MS);
  return {
    metric: spec.metric,
    targetMinutes: spec.target,
    startedAt: new Date(spec.start),
    // While paused, the future is unknown: only instants already passed are facts.
    dueAt: pausedNow && due.getTime() > now ? null : due,
    warningAt: pausedNow && warningAtDate.getTime() > now ? null : warningAtDate,
    stoppedAt: stop === null ? null : new Date(stop),
    elapsedBusinessMinutes: elapsed,
    remainingBusinessMinutes: spec.target - elapsed,
    state,
    earlierBreaches: spec.earlierBreaches,
  };
}

/**
 * Computes every SLA clock the policy sets for a ticket at `input.now`. Pure: the same history
 * gives the same answer on any node, which is what lets jobs re-check a clock before alerting.
 */
export function computeSlaClocks(input: SlaClockInput): SlaClock[] {
  const { policy } = input;
  const now = input.now.getTime();
  const created = input.createdAt.getTime();
  const segs = segments(input).filter((s) => s.from <= now);
  const current = segs[segs.length - 1]!;
  const replies = input.agentUpdates
    .map((d) => d.getTime())
    .filter((t) => t >= created && t <= now)
    .sort((a, b) => a - b);
  const clocks: SlaClock[] = [];

  if (policy.firstResponseMinutes != null)
    clocks.push(evaluate({ metric: 'first_response', target: policy.firstResponseMinutes, start: created, stop: replies[0] ?? null, earlierBreaches: 0 }, input, segs, current));

  if (policy.nextUpdateMinutes != null && replies.length > 0) {
    const target = policy.nextUpdateMinutes;
    let earlierBreaches = 0;
    for (let i = 1; i < replies.length; i++) {
      const pauses = pausesUntil(segs, policy, replies[i]!);
      if (businessMillisecondsBetween(input.calendar, new Date(replies[i - 1]!), new Date(replies[i]!), pauses) > target * MINUTE_MS) earlierBreaches++;
    }
    clocks.push(evaluate({ metric: 'next_update', target, start: replies[replies.length - 1]!, stop: null, earlierBreaches }, input, segs, current));
  }

  if (policy.resolutionMinutes != null)
    clocks.push(evaluate({ metric: 'resolution', target: policy.resolutionMinutes, start: created, stop: null, earlierBreaches: 0 }, input, segs, current));

  return clocks;
}

const STATE_RANK: Record<SlaState, number> = { breached: 4, warning: 3, ok: 2, paused: 1, met: 0 };

/** The most urgent state among a ticket's clocks, for the one badge the queue shows. */
export function worstSlaState(clocks: readonly SlaClock[]): SlaState | null {
  let worst: SlaState | null = null;
  for (const c of clocks) if (worst === null || STATE_RANK[c.state] > STATE_RANK[worst]) worst = c.state;
  return worst;
}

/**
 * The clock to show in a queue row: the running one (not stopped, not paused) that falls due
 * first; else a paused one; else a stopped one, breached before met. Earlier breaches are
 * counted separately, so a late first reply does not hide the resolution clock still running.
 */
export function mostUrgentClock(clocks: readonly SlaClock[]): SlaClock | null {
  const running = clocks.filter((c) => c.stoppedAt === null && (c.state === 'ok' || c.state === 'warning' || c.state === 'breached'));
  if (running.length > 0) return running.reduce((a, b) => (a.remainingBusinessMinutes <= b.remainingBusinessMinutes ? a : b));
  return clocks.find((c) => c.state === 'paused') ?? clocks.find((c) => c.state === 'breached') ?? clocks[0] ?? null;
}

/**
 * The next instant after `now` at which some clock crosses its warning or breach threshold, or
 * null when none will without a new event. Jobs are scheduled for that instant; when they run they
 * recompute the clocks, so a schedule made stale by a reply simply finds nothing to report.
 */
export function nextSlaCheckAt(clocks: readonly SlaClock[], now: Date): Date | null {
  let next: number | null = null;
  for (const c of clocks) {
    if (c.state !== 'ok' && c.state !== 'warning') continue;
    for (const d of [c.warningAt, c.dueAt]) {
      const t = d?.getTime();
      if (t !== undefined && t > now.getTime() && (next === null || t < next)) next = t;
    }
  }
  return next === null ? null : new Date(next);
}
