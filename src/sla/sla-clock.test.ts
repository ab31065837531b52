import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCalendar } from '../calendars/business-calendar.js';
import { computeSlaClocks, mostUrgentClock, nextSlaCheckAt, worstSlaState, type SlaClock, type SlaClockInput, type SlaClockPolicy, type StatusChange } from './sla-clock.js';

const at = (iso: string) => new Date(iso);
const nine2five = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } as const;
const calendar = resolveCalendar({ timeZone: 'UTC', hours: { ...nine2five } as never });
const policy: SlaClockPolicy = { firstResponseMinutes: 60, nextUpdateMinutes: 240, resolutionMinutes: 960, warningRatio: 0.8, pauseOnHold: false };
// Monday 2 March 2026, 09:00 UTC.
const created = at('2026-03-02T09:00:00Z');

function clocks(now: string, history: [string, StatusChange['status']][] = [], replies: string[] = [], overrides: Partial<SlaClockPolicy> = {}): Record<string, SlaClock> {
  const input: SlaClockInput = {
    createdAt: created,
    statusHistory: [{ at: created, status: 'new' }, ...history.map(([t, status]) => ({ at: at(t), status }))],
    agentUpdates: replies.map(at),
    calendar,
    policy: { ...policy, ...overrides },
    now: at(now),
  };
  return Object.fromEntries(computeSlaClocks(input).map((c) => [c.metric, c]));
}

describe('first response', () => {
  it('runs ok, then warns at 80 %, then breaches', () => {
    expect(clocks('2026-03-02T09:30:00Z').first_response).toMatchObject({ state: 'ok', elapsedBusinessMinutes: 30, remainingBusinessMinutes: 30, dueAt: at('2026-03-02T10:00:00Z'), warningAt: at('2026-03-02T09:48:00Z') });
    expect(clocks('2026-03-02T09:50:00Z').first_response.state).toBe('warning');
    expect(clocks('2026-03-02T10:10:00Z').first_response).toMatchObject({ state: 'breached', remainingBusinessMinutes: -10, dueAt: at('2026-03-02T10:00:00Z') });
  });

  it('is met by the first public reply and stops there', () => {
    expect(clocks('2026-03-02T15:00:00Z', [], ['2026-03-02T09:40:00Z']).first_response).toMatchObject({ state: 'met', elapsedBusinessMinutes: 40, stoppedAt: at('2026-03-02T09:40:00Z') });
  });

  it('a late reply leaves it breached', () => {
    expect(clocks('2026-03-02T15:00:00Z', [], ['2026-03-02T10:30:00Z']).first_response).toMatchObject({ state: 'breached', elapsedBusinessMinutes: 90 });
  });

  it('counts only business time: a Friday-evening ticket is due on Monday morning', () => {
    const input: SlaClockInput = { createdAt: at('2026-03-06T16:30:00Z'), statusHistory: [], agentUpdates: [], calendar, policy, now: at('2026-03-07T12:00:00Z') };
    const fr = computeSlaClocks(input).find((c) => c.metric === 'first_response')!;
    expect(fr).toMatchObject({ state: 'ok', elapsedBusinessMinutes: 30, dueAt: at('2026-03-09T09:30:00Z') });
  });
});

describe('pausing', () => {
  const history: [string, StatusChange['status']][] = [
    ['2026-03-02T09:40:00Z', 'open'],
    ['2026-03-02T10:00:00Z', 'pending'],
    ['2026-03-02T12:00:00Z', 'open'],
  ];

  it('pending pauses the clocks and the customer reply resumes them', () => {
    const c = clocks('2026-03-02T14:00:00Z', history, ['2026-03-02T09:40:00Z']);
    expect(c.next_update).toMatchObject({ state: 'ok', elapsedBusinessMinutes: 20 + 120, dueAt: at('2026-03-02T15:40:00Z') });
    expect(c.resolution).toMatchObject({ elapsedBusinessMinutes: 60 + 120 });
  });

  it('while pending the state is paused, time left is frozen and no due time is promised', () => {
    const c = clocks('2026-03-02T11:30:00Z', history.slice(0, 2), ['2026-03-02T09:40:00Z']);
    expect(c.next_update).toMatchObject({ state: 'paused', elapsedBusinessMinutes: 20, remainingBusinessMinutes: 220, dueAt: null, warningAt: null });
    expect(clocks('2026-03-02T16:30:00Z', history.slice(0, 2), ['2026-03-02T09:40:00Z']).next_update.remainingBusinessMinutes).toBe(220);
  });

  it('a clock that breached before the pause stays breached', () => {
    const c = clocks('2026-03-02T12:00:00Z', [['2026-03-02T11:00:00Z', 'pending']]);
    expect(c.first_response).toMatchObject({ state: 'breached', dueAt: at('2026-03-02T10:00:00Z'), elapsedBusinessMinutes: 120 });
  });

  it('on-hold does not pause unless the policy says so', () => {
    const onHold: [string, StatusChange['status']][] = [['2026-03-02T09:10:00Z', 'on_hold']];
    expect(clocks('2026-03-02T09:55:00Z', onHold).first_response.state).toBe('warning');
    expect(clocks('2026-03-02T09:55:00Z', onHold, [], { pauseOnHold: true }).first_response).toMatchObject({ state: 'paused', elapsedBusinessMinutes: 10 });
  });
});

describe('resolution', () => {
  it('is met when solved within the target, breached when solved late', () => {
    expect(clocks('2026-03-05T10:00:00Z', [['2026-03-02T16:00:00Z', 'solved']], ['2026-03-02T09:30:00Z']).resolution).toMatchObject({ state: 'met', elapsedBusinessMinutes: 420, stoppedAt: at('2026-03-02T16:00:00Z') });
    expect(clocks('2026-03-06T10:00:00Z', [['2026-03-05T10:00:00Z', 'solved']], ['2026-03-02T09:30:00Z']).resolution.state).toBe('breached');
  });

  it('time spent solved does not count when the ticket reopens', () => {
    const c = clocks('2026-03-04T10:00:00Z', [['2026-03-02T16:00:00Z', 'solved'], ['2026-03-04T09:00:00Z', 'open']], ['2026-03-02T09:30:00Z']);
    expect(c.resolution).toMatchObject({ state: 'ok', elapsedBusinessMinutes: 420 + 60, dueAt: at('2026-03-05T10:00:00Z') });
  });

  it('a solved ticket owes no more updates', () => {
    const c = clocks('2026-03-05T10:00:00Z', [['2026-03-02T16:00:00Z', 'solved']], ['2026-03-02T09:30:00Z', '2026-03-02T15:00:00Z']);
    expect(c.next_update).toMatchObject({ state: 'met', elapsedBusinessMinutes: 60, stoppedAt: at('2026-03-02T16:00:00Z') });
    // Solving a ticket after the customer already waited too long for news does not undo the breach.
    expect(clocks('2026-03-05T10:00:00Z', [['2026-03-02T16:00:00Z', 'solved']], ['2026-03-02T09:30:00Z']).next_update.state).toBe('breached');
  });
});

describe('next update', () => {
  it('starts only after a first reply and restarts at every reply, counting earlier overruns', () => {
    expect(clocks('2026-03-02T09:30:00Z').next_update).toBeUndefined();
    const c = clocks('2026-03-03T12:00:00Z', [], ['2026-03-02T09:30:00Z', '2026-03-02T15:30:00Z', '2026-03-03T11:00:00Z']);
    // 09:30 → 15:30 is 360 business minutes, over the 240 target; 15:30 → 11:00 next day is 210.
    expect(c.next_update).toMatchObject({ startedAt: at('2026-03-03T11:00:00Z'), elapsedBusinessMinutes: 60, earlierBreaches: 1, state: 'ok' });
  });
});

describe('summaries for the queue and the scheduler', () => {
  it('picks the worst state and the most urgent running clock', () => {
    const list = Object.values(clocks('2026-03-02T09:50:00Z'));
    expect(worstSlaState(list)).toBe('warning');
    expect(mostUrgentClock(list)?.metric).toBe('first_response');
    expect(worstSlaState([])).toBeNull();
  });

  it('schedules the next check at the next warning or due instant', () => {
    const list = Object.values(clocks('2026-03-02T09:30:00Z'));
    expect(nextSlaCheckAt(list, at('2026-03-02T09:30:00Z'))).toEqual(at('2026-03-02T09:48:00Z'));
    expect(nextSlaCheckAt(Object.values(clocks('2026-03-02T09:50:00Z')), at('2026-03-02T09:50:00Z'))).toEqual(at('2026-03-02T10:00:00Z'));
  });
});

describe('state transitions', () => {
  it('with no new events, a clock only ever moves ok → warning → breached as time passes', () => {
    const rank = { ok: 0, warning: 1, breached: 2, paused: -1, met: -1 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 1440 }), fc.integer({ min: 0, max: 20 * 1440 }), fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0.1, max: 0.95, noNaN: true }), (a, b, target, ratio) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const p = { resolutionMinutes: target, warningRatio: ratio, pauseOnHold: false };
        const s = (m: number) => computeSlaClocks({ createdAt: created, statusHistory: [], agentUpdates: [], calendar, policy: p, now: new Date(created.getTime() + m * 60_000) })[0]!;
        const first = s(early);
        const second = s(late);
        expect(rank[second.state]).toBeGreaterThanOrEqual(rank[first.state]);
        expect(second.elapsedBusinessMinutes).toBeGreaterThanOrEqual(first.elapsedBusinessMinutes);
        if (second.state === 'breached') expect(second.dueAt!.getTime()).toBeLessThanOrEqual(created.getTime() + late * 60_000);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the queue clock', () => {
  it('shows the running resolution clock after a late first reply, not the stopped breach', () => {
    const c = clocks('2026-03-02T12:00:00Z', [], ['2026-03-02T11:00:00Z']);
    expect(c.first_response.state).toBe('breached');
    expect(mostUrgentClock(Object.values(c))?.metric).toBe('next_update');
  });

  it('falls back to a paused clock, then to a stopped breach', () => {
    const paused = clocks('2026-03-02T09:30:00Z', [['2026-03-02T09:10:00Z', 'pending']]);
    expect(mostUrgentClock(Object.values(paused))?.state).toBe('paused');
    const solvedLate = clocks('2026-03-05T12:00:00Z', [['2026-03-05T10:00:00Z', 'solved']], ['2026-03-02T11:00:00Z']);
    expect(mostUrgentClock(Object.values(solvedLate))?.state).toBe('breached');
  });
});
