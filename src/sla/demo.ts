/**
 * Demo SLA data: shift calendars for the three regional teams (follow-the-sun), an Israeli
 * country override, policies per tier and priority, and SLA clocks back-filled for the demo
 * tickets (their past breaches recorded as history, not sent as fresh alerts).
 */
import type { AppContext } from '../http/index.js';
import { listTickets } from '../tickets/index.js';
import { listTeams } from '../users/index.js';
import { dispatchSlaAlerts } from './alert-dispatch.js';
import type { CalendarDefinition } from '../calendars/index.js';
import { createCalendar } from '../calendars/index.js';
import { createSlaPolicy, type SlaPolicyInput } from './policy-store.js';
import { saveTeamShift } from './team-shift-store.js';
import { refreshTicketSla } from './ticket-sla.js';

const weekdays = (from: string, to: string) => ({ mon: [[from, to]], tue: [[from, to]], wed: [[from, to]], thu: [[from, to]], fri: [[from, to]] }) as CalendarDefinition['hours'];

const SHIFTS: { team: string; name: string; rotation: number; definition: CalendarDefinition }[] = [
  { team: 'APAC', name: 'APAC shift (Singapore)', rotation: 1, definition: { timeZone: 'Asia/Singapore', hours: weekdays('08:00', '18:00'), holidayCountry: 'SG' } },
  { team: 'EMEA', name: 'EMEA shift (Berlin)', rotation: 2, definition: { timeZone: 'Europe/Berlin', hours: weekdays('08:00', '18:00'), holidayCountry: 'DE' } },
  { team: 'Americas', name: 'Americas shift (New York)', rotation: 3, definition: { timeZone: 'America/New_York', hours: weekdays('08:00', '18:00'), holidayCountry: 'US' } },
];

const policy = (name: string, tier: string | null, priority: string | null, fr: number, nu: number, res: number, extra: Partial<SlaPolicyInput> = {}): SlaPolicyInput => ({
  name, tier, priority, firstResponseMinutes: fr, nextUpdateMinutes: nu, resolutionMinutes: res, warningPercent: 80, pauseOnHold: false, active: true, ...extra,
});

/** Policies from most general to most specific; creation order is the tie-break among equals. */
export const DEMO_POLICIES: SlaPolicyInput[] = [
  policy('Standard', null, null, 480, 1440, 4800),
  policy('Urgent, any contract', null, 'urgent', 60, 120, 480),
  policy('Bronze', 'bronze', null, 480, 1440, 4800),
  policy('Silver', 'silver', null, 240, 960, 2880),
  policy('Gold', 'gold', null, 120, 480, 1440),
  policy('Gold urgent', 'gold', 'urgent', 60, 120, 480),
  policy('Platinum', 'platinum', null, 60, 240, 960, { pauseOnHold: true }),
  policy('Platinum urgent', 'platinum', 'urgent', 30, 60, 240, { pauseOnHold: true }),
];

/** Seeds the demo's calendars, shifts and policies, then computes every demo ticket's SLA. */
export async function seedSlaDemo(ctx: AppContext): Promise<void> {
  const { db } = ctx;
  const teams = new Map((await listTeams(db)).map((t) => [t.team.name, t.team.id]));
  for (const s of SHIFTS) {
    const calendar = await createCalendar(db, { name: s.name, definition: s.definition });
    const teamId = teams.get(s.team);
    if (teamId) await saveTeamShift(db, { teamId, calendarId: calendar.id, rotation: s.rotation, handoffPriorities: ['urgent'], active: true });
  }
  await createCalendar(db, {
    name: 'Israel offices (with Friday mornings)',
    country: 'IL',
    definition: { timeZone: 'Asia/Jerusalem', hours: { ...weekdays('08:00', '17:00'), sun: [['08:00', '17:00']], fri: [['08:00', '12:00']] }, holidayCountry: 'IL' },
  });
  for (const p of DEMO_POLICIES) await createSlaPolicy(db, p);

  let after: unknown[] | undefined;
  for (;;) {
    const rows = await listTickets(db, {}, 'created_asc', 200, after);
    for (const ticket of rows.slice(0, 200)) {
      await db.transaction(async (tx) => {
        const { clocks } = await refreshTicketSla(tx, ticket, { reapply: true });
        await dispatchSlaAlerts(tx, ctx.realtime, ticket, clocks, { silent: true });
      });
    }
    if (rows.length <= 200) break;
    const last = rows[199]!;
    after = [last.createdAt.toISOString(), last.id];
  }
}
