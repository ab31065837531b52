/**
 * Transfers and ping-pong from a case's assignment history.
 *
 * Seed 004's first complaint: "I transferred it back to X" — the very X who passed it on
 * without doing anything. A case that returns to a person or team it already left is
 * ping-pong; every such return is evidence nobody owned it in between.
 */
import type { AssignmentChange } from '../sla/index.js';

export type { AssignmentChange };

export interface PingPongEvent {
  at: Date;
  /** Whether the case came back to a person or (with a new person or none) to a team. */
  kind: 'user' | 'team';
  ownerId: string;
  /** When the case had last left that owner. */
  leftAt: Date;
  /** The owner it came back from. */
  fromId: string;
}

export interface AssignmentAnalysis {
  /** Moves from one owner to another (the first assignment is not a transfer). */
  transfers: number;
  pingPongs: PingPongEvent[];
  /** Everyone and every team that has owned the case, in order of first ownership. */
  users: string[];
  teams: string[];
}

/**
 * Counts transfers and detects ping-pong in an assignment history (any order; sorted here).
 * Unassigning does not end ownership by itself: a case that goes to the queue and comes back to
 * the same person has not moved, while one that goes A → queue → B has been transferred.
 * Planned moves (follow-the-sun) change the owner but are neither transfers nor departures: the
 * case coming back to the morning team is the rotation working, not ping-pong.
 */
export function analyseAssignments(history: readonly AssignmentChange[]): AssignmentAnalysis {
  const events = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  let user: string | null = null;
  let team: string | null = null;
  // Who had it last, for "came back from" after a planned move left the case unassigned.
  let lastUser: string | null = null;
  let lastTeam: string | null = null;
  const userLeftAt = new Map<string, Date>();
  const teamLeftAt = new Map<string, Date>();
  const users: string[] = [];
  const teams: string[] = [];
  const pingPongs: PingPongEvent[] = [];
  let transfers = 0;
  const own = (list: string[], id: string | null) => {
    if (id && !list.includes(id)) list.push(id);
  };

  for (const e of events) {
    if (e.planned) {
      // The rotation hands the case on; nobody passed it, so nobody "left" it.
      if (e.assigneeId !== user) user = e.assigneeId;
      if (e.teamId !== null) team = e.teamId;
      lastUser = user ?? lastUser;
      lastTeam = team ?? lastTeam;
      own(users, user);
      own(teams, team);
      continue;
    }
    const newUser: string | null = e.assigneeId !== null && e.assigneeId !== user ? e.assigneeId : null;
    const newTeam: string | null = e.teamId !== null && e.teamId !== team ? e.teamId : null;
    if (!newUser && !newTeam) continue;
    // Picking up an unassigned case (first assignment, or after the rotation moved it) is not a transfer.
    if ((newUser && user) || (newTeam && team)) transfers++;

    const userReturn = newUser ? userLeftAt.get(newUser) : undefined;
    const teamReturn = newTeam ? teamLeftAt.get(newTeam) : undefined;
    if (newUser && userReturn) pingPongs.push({ at: e.at, kind: 'user', ownerId: newUser, leftAt: userReturn, fromId: user ?? lastUser ?? '' });
    else if (newTeam && teamReturn) pingPongs.push({ at: e.at, kind: 'team', ownerId: newTeam, leftAt: teamReturn, fromId: team ?? lastTeam ?? '' });

    if (newUser) {
      if (user) userLeftAt.set(user, e.at);
      user = lastUser = newUser;
      own(users, newUser);
    }
    if (newTeam) {
      if (team) teamLeftAt.set(team, e.at);
      team = lastTeam = newTeam;
      own(teams, newTeam);
    }
  }
  return { transfers, pingPongs, users, teams };
}
