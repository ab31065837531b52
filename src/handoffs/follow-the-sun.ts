/**
 * Follow-the-sun: regional teams with their own calendars pass urgent work on when their day
 * ends, so an urgent ticket never sits overnight with a team that has gone home.
 *
 * Teams are given in rotation order (e.g. Asia-Pacific → Europe → Americas); when several could
 * take a ticket, the next one in that order after the current team wins, then the one whose
 * shift lasts longest.
 */
import type { BusinessCalendar } from '../calendars/index.js';
import { closingAfter, isOpenAt, nextOpening } from '../calendars/index.js';

export interface ShiftTeam {
  id: string;
  calendar: BusinessCalendar;
}

export interface HandoffCandidate {
  ticketId: string;
  teamId: string | null;
}

export interface PlannedHandoff {
  ticketId: string;
  fromTeamId: string;
  toTeamId: string;
  /** When the receiving team is (or will be) on shift. */
  onShiftFrom: Date;
}

function rotationDistance(teams: readonly ShiftTeam[], fromId: string, toId: string): number {
  const from = teams.findIndex((t) => t.id === fromId);
  const to = teams.findIndex((t) => t.id === toId);
  return (to - from + teams.length) % teams.length;
}

/**
 * The team that should hold a ticket of `fromTeamId` at `at`: the team that is on shift (or
 * comes on shift soonest), preferring the next in rotation. Returns null when the current team
 * is itself on shift or would be back first — then there is nobody better to hand over to.
 */
export function nextTeamOnShift(teams: readonly ShiftTeam[], fromTeamId: string, at: Date): { team: ShiftTeam; onShiftFrom: Date } | null {
  const current = teams.find((t) => t.id === fromTeamId);
  if (!current || isOpenAt(current.calendar, at)) return null;
  const currentBack = nextOpening(current.calendar, at).getTime();
  let best: { team: ShiftTeam; onShiftFrom: Date; rank: [number, number, number] } | null = null;
  for (const team of teams) {
    if (team.id === fromTeamId) continue;
    const opens = nextOpening(team.calendar, at);
    if (opens.getTime() >= currentBack) continue;
    const closes = closingAfter(team.calendar, opens)?.getTime() ?? Number.POSITIVE_INFINITY;
    // Sooner on shift first, then rotation order, then the longer remaining shift.
    const rank: [number, number, number] = [opens.getTime(), rotationDistance(teams, fromTeamId, team.id), -closes];
    if (!best || rank[0] < best.rank[0] || (rank[0] === best.rank[0] && (rank[1] < best.rank[1] || (rank[1] === best.rank[1] && rank[2] < best.rank[2]))))
      best = { team, onShiftFrom: opens, rank };
  }
  return best ? { team: best.team, onShiftFrom: best.onShiftFrom } : null;
}

/**
 * Plans the hand-offs due at `at`: every candidate ticket whose team is off shift moves to the
 * team that is on shift. The caller decides which tickets are candidates (open, urgent) and
 * writes each move with its hand-off summary.
 */
export function planHandoffs(teams: readonly ShiftTeam[], tickets: readonly HandoffCandidate[], at: Date): PlannedHandoff[] {
  const byTeam = new Map<string, ReturnType<typeof nextTeamOnShift>>();
  const plans: PlannedHandoff[] = [];
  for (const ticket of tickets) {
    if (!ticket.teamId) continue;
    if (!byTeam.has(ticket.teamId)) byTeam.set(ticket.teamId, nextTeamOnShift(teams, ticket.teamId, at));
    const next = byTeam.get(ticket.teamId);
    if (next) plans.push({ ticketId: ticket.ticketId, fromTeamId: ticket.teamId, toTeamId: next.team.id, onShiftFrom: next.onShiftFrom });
  }
  return plans;
}
