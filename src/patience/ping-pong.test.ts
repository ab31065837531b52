import { describe, expect, it } from 'vitest';
import { analyseAssignments, type AssignmentChange } from './ping-pong.js';

const t = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
const change = (h: number, assigneeId: string | null, teamId: string | null = 'support'): AssignmentChange => ({ at: t(h), assigneeId, teamId });

describe('ping-pong detection', () => {
  it('A → B → A is one ping-pong back to A', () => {
    const r = analyseAssignments([change(1, 'a'), change(2, 'b'), change(3, 'a')]);
    expect(r.transfers).toBe(2);
    expect(r.pingPongs).toEqual([{ at: t(3), kind: 'user', ownerId: 'a', leftAt: t(2), fromId: 'b' }]);
    expect(r.users).toEqual(['a', 'b']);
  });

  it('A → B → C → A returns to A after a detour', () => {
    const r = analyseAssignments([change(1, 'a'), change(2, 'b'), change(3, 'c'), change(4, 'a')]);
    expect(r.transfers).toBe(3);
    expect(r.pingPongs.map((p) => p.ownerId)).toEqual(['a']);
  });

  it('a straight chain A → B → C is transfers without ping-pong', () => {
    const r = analyseAssignments([change(1, 'a'), change(2, 'b'), change(3, 'c')]);
    expect(r).toMatchObject({ transfers: 2, pingPongs: [] });
  });

  it('going to the queue and back to the same person is not a move', () => {
    const r = analyseAssignments([change(1, 'a'), change(2, null), change(3, 'a')]);
    expect(r).toMatchObject({ transfers: 0, pingPongs: [] });
  });

  it('A → queue → B is a transfer; the first assignment is not', () => {
    expect(analyseAssignments([change(1, null), change(2, 'a'), change(3, null), change(4, 'b')]).transfers).toBe(1);
  });

  it('detects a team returning: support → billing → support', () => {
    const r = analyseAssignments([change(1, null, 'support'), change(2, null, 'billing'), change(3, null, 'support')]);
    expect(r.transfers).toBe(2);
    expect(r.pingPongs).toEqual([{ at: t(3), kind: 'team', ownerId: 'support', leftAt: t(2), fromId: 'billing' }]);
    expect(r.teams).toEqual(['support', 'billing']);
  });

  it('counts one event once even when both the person and the team return; order of input does not matter', () => {
    const r = analyseAssignments([change(3, 'a', 'support'), change(1, 'a', 'support'), change(2, 'b', 'billing')]);
    expect(r.pingPongs).toHaveLength(1);
    expect(r.pingPongs[0]!.kind).toBe('user');
  });

  it('repeated bouncing counts every return', () => {
    const r = analyseAssignments([change(1, 'a'), change(2, 'b'), change(3, 'a'), change(4, 'b'), change(5, 'a')]);
    expect(r.pingPongs).toHaveLength(3);
  });
});

describe('planned moves', () => {
  it('follow-the-sun round the world is neither transfers nor ping-pong', () => {
    const planned = (h: number, teamId: string): AssignmentChange => ({ at: t(h), assigneeId: null, teamId, planned: true });
    const r = analyseAssignments([change(1, null, 'emea'), planned(9, 'americas'), planned(17, 'apac'), planned(25, 'emea')]);
    expect(r).toMatchObject({ transfers: 0, pingPongs: [] });
  });

  it('a real transfer after a rotation still counts, and so does a return to someone it was passed from', () => {
    // The morning owner gets the case back from the night shift: the rotation, not ping-pong.
    const r = analyseAssignments([change(1, 'a', 'emea'), { at: t(2), assigneeId: null, teamId: 'americas', planned: true }, change(3, 'b', 'americas'), change(4, 'a', 'emea')]);
    // B picking it up on the night shift is no transfer; B handing it to A is one.
    expect(r.transfers).toBe(1);
    expect(r.pingPongs).toEqual([]);
    // A passed it to B; after the night shift it lands back with A: the customer sees ping-pong.
    const back = analyseAssignments([change(1, 'a'), change(2, 'b'), { at: t(3), assigneeId: null, teamId: 'apac', planned: true }, change(4, 'a', 'support')]);
    expect(back.pingPongs).toEqual([{ at: t(4), kind: 'user', ownerId: 'a', leftAt: t(2), fromId: 'b' }]);
  });
});
