/** Commands of SLA policies and team shifts: each change and its audit entry in one transaction. */
import { audited, diff } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { createSlaPolicy, deleteSlaPolicy, getSlaPolicy, updateSlaPolicy, type SlaPolicyRow } from './policy-store.js';
import { deleteTeamShift, getTeamShift, saveTeamShift, type TeamShiftRow } from './team-shift-store.js';

export interface SlaCommandContext {
  db: Db;
  actorUserId: string | null;
}

type PolicyInput = Parameters<typeof createSlaPolicy>[1];
type ShiftInput = Omit<Parameters<typeof saveTeamShift>[1], 'teamId'>;

export async function addSlaPolicy(ctx: SlaCommandContext, input: PolicyInput): Promise<SlaPolicyRow> {
  return audited(ctx.db, (tx) => createSlaPolicy(tx, input), (created) => ({ actorUserId: ctx.actorUserId, entity: 'sla_policy', entityId: created.id, action: 'create', changes: diff({}, input) }));
}

export async function changeSlaPolicy(ctx: SlaCommandContext, before: SlaPolicyRow, patch: Partial<PolicyInput>): Promise<SlaPolicyRow> {
  return audited(ctx.db, (tx) => updateSlaPolicy(tx, before.id, patch), () => ({ actorUserId: ctx.actorUserId, entity: 'sla_policy', entityId: before.id, action: 'update', changes: diff(before, patch) }));
}

export async function removeSlaPolicy(ctx: SlaCommandContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await getSlaPolicy(tx, id);
    if (!before) throw notFound('SLA policy', id);
    await audited(tx, (inner) => deleteSlaPolicy(inner, id), () => ({ actorUserId: ctx.actorUserId, entity: 'sla_policy', entityId: id, action: 'delete', changes: { name: { from: before.name, to: null } } }));
  });
}

/** Sets a team's shift calendar (creating or replacing it). */
export async function setTeamShift(ctx: SlaCommandContext, teamId: string, input: ShiftInput): Promise<TeamShiftRow> {
  return ctx.db.transaction(async (tx) => {
    const before = await getTeamShift(tx, teamId);
    return audited(tx, (inner) => saveTeamShift(inner, { teamId, ...input }), (saved) => ({
      actorUserId: ctx.actorUserId, entity: 'team_shift', entityId: saved.teamId, action: before ? 'update' : 'create', changes: diff(before ?? {}, input),
    }));
  });
}

export async function removeTeamShift(ctx: SlaCommandContext, teamId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await getTeamShift(tx, teamId);
    if (!before) throw notFound('Team shift', teamId);
    await audited(tx, (inner) => deleteTeamShift(inner, teamId), () => ({ actorUserId: ctx.actorUserId, entity: 'team_shift', entityId: teamId, action: 'delete', changes: { calendarId: { from: before.calendarId, to: null } } }));
  });
}
