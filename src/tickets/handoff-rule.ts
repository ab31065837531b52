/** The owner fields of a ticket, before a change. */
export interface Ownership {
  assigneeId: string | null;
  teamId: string | null;
  status: string;
}

/**
 * Whether a change of owner is a transfer that needs a hand-off summary (seed 004: the customer
 * must never tell the story again). A case leaving the person who had it always is; a team change
 * is once work has started (status past `new`); taking an unowned case, or triaging a new one
 * between teams, is not.
 */
export function needsHandoff(before: Ownership, patch: { assigneeId?: string | null; teamId?: string | null }): boolean {
  const leavesPerson = patch.assigneeId !== undefined && before.assigneeId !== null && patch.assigneeId !== before.assigneeId;
  const leavesTeam = patch.teamId !== undefined && before.teamId !== null && patch.teamId !== before.teamId && before.status !== 'new';
  return leavesPerson || leavesTeam;
}
