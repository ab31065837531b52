import { describe, expect, it } from 'vitest';
import { resolveCalendar } from '../calendars/business-calendar.js';
import { slaAlertsFor } from './sla-alerts.js';
import { computeSlaClocks } from './sla-clock.js';

const calendar = resolveCalendar({ timeZone: 'UTC', alwaysOpen: true });
const created = new Date('2026-03-02T09:00:00Z');
const clocksAt = (minutes: number, replies: Date[] = []) =>
  computeSlaClocks({ createdAt: created, statusHistory: [], agentUpdates: replies, calendar, policy: { firstResponseMinutes: 60, nextUpdateMinutes: 60, warningRatio: 0.75, pauseOnHold: false }, now: new Date(created.getTime() + minutes * 60_000) });

describe('SLA alerts', () => {
  it('nothing while ok, a warning in the warning zone, a breach after', () => {
    expect(slaAlertsFor('t1', clocksAt(30))).toEqual([]);
    expect(slaAlertsFor('t1', clocksAt(50)).map((a) => a.key)).toEqual(['t1:first_response:2026-03-02T09:00:00.000Z:warning']);
    expect(slaAlertsFor('t1', clocksAt(61)).map((a) => [a.kind, a.dueAt?.toISOString()])).toEqual([['breach', '2026-03-02T10:00:00.000Z']]);
  });

  it('the same cycle yields the same key on every run, and a new reply starts a new cycle', () => {
    const reply = new Date(created.getTime() + 10 * 60_000);
    const first = slaAlertsFor('t1', clocksAt(60, [reply]));
    const again = slaAlertsFor('t1', clocksAt(65, [reply]));
    expect(first.map((a) => a.key)).toEqual(again.map((a) => a.key));
    expect(first[0]!.key).toBe('t1:next_update:2026-03-02T09:10:00.000Z:warning');
    const later = new Date(created.getTime() + 62 * 60_000);
    expect(slaAlertsFor('t1', clocksAt(120, [reply, later]))[0]!.key).toBe('t1:next_update:2026-03-02T10:02:00.000Z:warning');
  });
});
