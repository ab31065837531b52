/** SLA policies and team shifts over HTTP. */
import { z } from 'zod';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { decodeCursor, iso, pageSchema, paginationQuery, toPage } from '../http/index.js';
import { notFound, problem } from '../errors/index.js';
import { idParams, idSchema } from '../http/index.js';
import { authorize, permissions, permissionsSchema, type Actor } from '../policies/index.js';
import { getTeam } from '../users/index.js';
import { getCalendar } from '../calendars/index.js';
import { PRIORITIES, SLA_TIERS } from './policy-selection.js';
import { addSlaPolicy, changeSlaPolicy, removeSlaPolicy, removeTeamShift, setTeamShift } from './commands.js';
import { getSlaPolicy, listSlaPolicies, type SlaPolicyRow } from './policy-store.js';
import { listTeamShifts } from './team-shift-store.js';

const minutes = z.number().int().min(1, 'must be at least one minute').max(525_600, 'must be at most a year').nullable();

const policyFields = {
  name: z.string().trim().min(1).max(200),
  tier: z.enum(SLA_TIERS).nullable().meta({ description: 'Contract tier; null applies to every tier and to tickets without a contract' }),
  priority: z.enum(PRIORITIES).nullable().meta({ description: 'Ticket priority; null applies to every priority' }),
  firstResponseMinutes: minutes,
  nextUpdateMinutes: minutes.meta({ description: 'Longest silence allowed between public agent updates' }),
  resolutionMinutes: minutes,
  warningPercent: z.number().int().min(1).max(99).meta({ description: 'Share of a target after which the clock warns' }),
  pauseOnHold: z.boolean().meta({ description: 'Whether on-hold (waiting on a third party) pauses the clocks; pending always does' }),
  calendarId: idSchema.nullable().meta({ description: 'Calendar for tickets whose contract sets none' }),
  active: z.boolean(),
};
const policyInput = z.object({
  ...policyFields,
  tier: policyFields.tier.default(null),
  priority: policyFields.priority.default(null),
  firstResponseMinutes: minutes.default(null),
  nextUpdateMinutes: minutes.default(null),
  resolutionMinutes: minutes.default(null),
  warningPercent: policyFields.warningPercent.default(80),
  pauseOnHold: policyFields.pauseOnHold.default(false),
  calendarId: policyFields.calendarId.default(null),
  active: policyFields.active.default(true),
});
const policyPatch = z.object(policyFields).partial();

const policySchema = z
  .object({ id: z.string(), ...policyFields, name: z.string(), createdAt: z.string(), updatedAt: z.string(), permissions: permissionsSchema('sla_policy', ['update']) })
  .meta({ id: 'SlaPolicy' });

const shiftSchema = z
  .object({ teamId: z.string(), calendarId: z.string(), calendarName: z.string(), rotation: z.number(), handoffPriorities: z.array(z.enum(PRIORITIES)), active: z.boolean() })
  .meta({ id: 'TeamShift' });
const shiftInput = z.object({
  calendarId: idSchema,
  rotation: z.number().int().min(0).max(100).default(0),
  handoffPriorities: z.array(z.enum(PRIORITIES)).max(4).default(['urgent']),
  active: z.boolean().default(true),
});

const presentPolicy = (r: SlaPolicyRow, actor: Actor) => ({
  id: r.id, name: r.name, tier: r.tier as z.infer<typeof policyFields.tier>, priority: r.priority as z.infer<typeof policyFields.priority>,
  firstResponseMinutes: r.firstResponseMinutes, nextUpdateMinutes: r.nextUpdateMinutes, resolutionMinutes: r.resolutionMinutes,
  warningPercent: r.warningPercent, pauseOnHold: r.pauseOnHold, calendarId: r.calendarId, active: r.active, createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)!,
  permissions: permissions(actor, 'sla_policy', undefined, ['update']),
});

/** Registers SLA policy CRUD and the team shifts of follow-the-sun. */
export default async function policyRoutes(app: App) {
  const { db } = app.ctx;
  const tags = ['sla'];

  async function assertCalendar(id: string | null | undefined) {
    if (id && !(await getCalendar(db, id))) throw problem(400, `Calendar ${id} does not exist.`, { errors: [{ path: 'body.calendarId', message: 'unknown calendar' }] });
  }

  app.get('/api/v1/sla-policies', { schema: { tags, summary: 'List SLA policies (most specific match wins: tier, then priority)', querystring: z.object(paginationQuery), response: { 200: pageSchema(policySchema) } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'read', 'sla_policy');
    const rows = await listSlaPolicies(db, request.query.limit, decodeCursor(request.query.cursor, 2) as [string, string] | undefined);
    const page = toPage(rows, request.query.limit, (r) => [iso(r.createdAt), r.id]);
    return { items: page.items.map((r) => presentPolicy(r, actor)), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/sla-policies', { schema: { tags, summary: 'Create an SLA policy', body: policyInput, response: { 201: policySchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'sla_policy');
    await assertCalendar(request.body.calendarId);
    const row = await addSlaPolicy({ db, actorUserId: actor.userId }, request.body);
    return reply.status(201).send(presentPolicy(row, actor));
  });

  app.get('/api/v1/sla-policies/:id', { schema: { tags, summary: 'Get an SLA policy', params: idParams, response: { 200: policySchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'read', 'sla_policy');
    const row = await getSlaPolicy(db, request.params.id);
    if (!row) throw notFound('SLA policy', request.params.id);
    return presentPolicy(row, actor);
  });

  app.patch('/api/v1/sla-policies/:id', { schema: { tags, summary: 'Change an SLA policy (applies to tickets from now on; running tickets keep their targets)', params: idParams, body: policyPatch, response: { 200: policySchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'sla_policy');
    const before = await getSlaPolicy(db, request.params.id);
    if (!before) throw notFound('SLA policy', request.params.id);
    await assertCalendar(request.body.calendarId);
    const row = await changeSlaPolicy({ db, actorUserId: actor.userId }, before, request.body);
    return presentPolicy(row, actor);
  });

  app.delete('/api/v1/sla-policies/:id', { schema: { tags, summary: 'Delete an SLA policy', params: idParams } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'sla_policy');
    await removeSlaPolicy({ db, actorUserId: actor.userId }, request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/v1/team-shifts', { schema: { tags, summary: 'Regional teams\' shift calendars and follow-the-sun rotation', response: { 200: z.object({ items: z.array(shiftSchema), nextCursor: z.null() }) } } }, async (request) => {
    authorize(requireActor(request), 'read', 'team_shift');
    const rows = await listTeamShifts(db);
    return { items: rows.map((r) => ({ teamId: r.teamId, calendarId: r.calendarId, calendarName: r.calendarName, rotation: r.rotation, handoffPriorities: r.handoffPriorities as z.infer<typeof shiftInput>['handoffPriorities'], active: r.active })), nextCursor: null };
  });

  app.put('/api/v1/team-shifts/:teamId', { schema: { tags, summary: 'Set a team\'s shift calendar', params: z.object({ teamId: idSchema }), body: shiftInput, response: { 200: shiftSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'team_shift');
    if (!(await getTeam(db, request.params.teamId))) throw notFound('Team', request.params.teamId);
    const calendar = await getCalendar(db, request.body.calendarId);
    if (!calendar) throw problem(400, `Calendar ${request.body.calendarId} does not exist.`, { errors: [{ path: 'body.calendarId', message: 'unknown calendar' }] });
    const row = await setTeamShift({ db, actorUserId: actor.userId }, request.params.teamId, request.body);
    return { teamId: row.teamId, calendarId: row.calendarId, calendarName: calendar.name, rotation: row.rotation, handoffPriorities: row.handoffPriorities as z.infer<typeof shiftInput>['handoffPriorities'], active: row.active };
  });

  app.delete('/api/v1/team-shifts/:teamId', { schema: { tags, summary: 'Take a team out of follow-the-sun', params: z.object({ teamId: idSchema }) } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'team_shift');
    await removeTeamShift({ db, actorUserId: actor.userId }, request.params.teamId);
    return reply.status(204).send();
  });
}
