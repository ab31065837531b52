import { describe, expect, it } from 'vitest';
import { resolveCalendar } from '../calendars/business-calendar.js';
import { nextTeamOnShift, planHandoffs, type ShiftTeam } from './follow-the-sun.js';

const weekdays = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [[from, to]]]));
const teams: ShiftTeam[] = [
  { id: 'apac', calendar: resolveCalendar({ timeZone: 'Asia/Singapore', hours: weekdays('08:00', '17:00') }) },
  { id: 'emea', calendar: resolveCalendar({ timeZone: 'Europe/London', hours: weekdays('08:00', '17:00') }) },
  { id: 'amer', calendar: resolveCalendar({ timeZone: 'America/New_York', hours: weekdays('08:00', '17:00') }) },
];

describe('follow-the-sun', () => {
  it('passes an urgent ticket from Singapore at the end of its day to London, which is on shift', () => {
    // Wednesday 4 March 2026 09:30 UTC: Singapore closed at 09:00 UTC (17:00 local), London open since 08:00.
    const next = nextTeamOnShift(teams, 'apac', new Date('2026-03-04T09:30:00Z'));
    expect(next?.team.id).toBe('emea');
  });

  it('passes from London to New York in the evening, and from New York to whoever opens first overnight', () => {
    expect(nextTeamOnShift(teams, 'emea', new Date('2026-03-04T17:30:00Z'))?.team.id).toBe('amer');
    // 23:00 UTC: New York closed at 22:00 UTC; Singapore opens at 00:00 UTC, before anyone else.
    expect(nextTeamOnShift(teams, 'amer', new Date('2026-03-04T23:00:00Z'))).toMatchObject({ team: { id: 'apac' }, onShiftFrom: new Date('2026-03-05T00:00:00Z') });
  });

  it('keeps the ticket while its team is on shift, or when the team is back before anyone else', () => {
    expect(nextTeamOnShift(teams, 'emea', new Date('2026-03-04T10:00:00Z'))).toBeNull();
    const onlyTwo = [teams[0]!, { id: 'late', calendar: resolveCalendar({ timeZone: 'UTC', hours: weekdays('12:00', '13:00') }) }];
    // At 10:00 UTC Singapore is closed until 00:00 UTC, "late" opens at 12:00: hand over.
    expect(nextTeamOnShift(onlyTwo, 'apac', new Date('2026-03-04T10:00:00Z'))?.team.id).toBe('late');
    // At 23:30 UTC "late" is closed and Singapore is back at 00:00 before "late" reopens at 12:00: keep.
    expect(nextTeamOnShift(onlyTwo, 'late', new Date('2026-03-04T23:30:00Z'))?.team.id).toBe('apac');
    expect(nextTeamOnShift(onlyTwo, 'apac', new Date('2026-03-04T23:30:00Z'))).toBeNull();
  });

  it('plans hand-offs only for tickets of teams that are off shift', () => {
    const plans = planHandoffs(
      teams,
      [
        { ticketId: 't1', teamId: 'apac' },
        { ticketId: 't2', teamId: 'emea' },
        { ticketId: 't3', teamId: null },
      ],
      new Date('2026-03-04T09:30:00Z'),
    );
    expect(plans).toEqual([{ ticketId: 't1', fromTeamId: 'apac', toTeamId: 'emea', onShiftFrom: new Date('2026-03-04T09:30:00Z') }]);
  });
});
