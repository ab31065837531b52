/**
 * The follow-the-sun run: every few minutes, urgent open tickets still held by a team whose day
 * has ended move to the team on shift, each with a drafted hand-off summary.
 */
import type { AppContext } from '../http/index.js';
import { transferTicket } from './commands.js';
import { draftTransferSummary } from './draft.js';
import { getTicket, listTickets } from '../tickets/index.js';
import { resolveCalendar } from '../calendars/index.js';
import { planHandoffs, type HandoffCandidate, type PlannedHandoff, type ShiftTeam } from './follow-the-sun.js';
import { listTeamShifts } from '../sla/index.js';

export const FOLLOW_THE_SUN_JOB = 'sla.follow-the-sun';
export const FOLLOW_THE_SUN_EVERY_SECONDS = 300;

/** Finds and performs the hand-offs due at `now`; returns what it moved. */
export async function runFollowTheSun(ctx: Pick<AppContext, 'db' | 'registry'> & { realtime?: AppContext['realtime'] }, now = new Date()): Promise<PlannedHandoff[]> {
  const { db } = ctx;
  const shifts = (await listTeamShifts(db)).filter((s) => s.active);
  if (shifts.length < 2) return [];
  const teams: ShiftTeam[] = shifts.map((s) => ({ id: s.teamId, calendar: resolveCalendar(s.definition) }));
  const candidates: HandoffCandidate[] = [];
  for (const shift of shifts) {
    if (shift.handoffPriorities.length === 0) continue;
    const rows = await listTickets(db, { teamId: shift.teamId, status: ['new', 'open', 'on_hold'], priority: shift.handoffPriorities }, 'updated_desc', 500);
    candidates.push(...rows.map((t) => ({ ticketId: t.id, teamId: t.teamId })));
  }
  const plans = planHandoffs(teams, candidates, now);
  const done: PlannedHandoff[] = [];
  for (const plan of plans) {
    const ticket = await getTicket(db, plan.ticketId);
    // Another node or an agent may have moved it since the list was read.
    if (!ticket || ticket.teamId !== plan.fromTeamId) continue;
    const target = { teamId: plan.toTeamId, assigneeId: null };
    const { summary } = await draftTransferSummary(db, ticket, target, 'UTC', now);
    await transferTicket({ db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel: 'Follow-the-sun' }, ticket.id, target, summary, 'follow_the_sun');
    done.push(plan);
  }
  return done;
}
