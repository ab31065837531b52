import { z } from 'zod';
import { seniorities, userRoles } from './schema.js';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { decodeCursor, pageSchema, paginationQuery, toPage } from '../http/index.js';
import { notFound } from '../errors/index.js';
import { addTeam, addUser, changeTeam, changeUser } from './commands.js';
import { sessionCookie } from './sessions.js';
import { idParams, idSchema, localeSchema, timeZoneSchema } from '../http/index.js';
import { authorize } from '../policies/index.js';
import { presentTeam, presentUser, teamSchema, userSchema } from './presenters.js';
import { getTeam, getUser, listTeams, listUsers } from './store.js';

const userInput = z.object({
  email: z.string().email(),
  name: z.string().min(1).max(200),
  role: z.enum(userRoles),
  password: z.string().min(8, 'must be at least 8 characters').optional(),
  locale: localeSchema.nullable().optional(),
  timeZone: timeZoneSchema.optional(),
  organisationId: idSchema.nullable().optional(),
  contactId: idSchema.nullable().optional(),
  languages: z.array(z.string()).optional(),
  skills: z.array(z.string()).optional(),
  seniority: z.enum(seniorities).optional(),
  active: z.boolean().optional(),
  /** Whether a customer user may create personal API tokens (staff always may). */
  apiTokensAllowed: z.boolean().optional(),
  teamIds: z.array(idSchema).optional(),
});
const teamInput = z.object({ name: z.string().min(1).max(100), email: z.string().email().nullable().optional(), timeZone: timeZoneSchema.optional(), memberIds: z.array(idSchema).optional() });

/** Users (agents, engineers, customers who sign in) and teams. */
export default async function userRoutes(app: App) {
  const { db } = app.ctx;

  app.get('/api/v1/users', {
    schema: { tags: ['users'], summary: 'List users', querystring: z.object({ ...paginationQuery, q: z.string().optional(), role: z.enum(userRoles).optional(), teamId: idSchema.optional() }), response: { 200: pageSchema(userSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'list', 'user');
    const { limit, cursor, q, role, teamId } = request.query;
    const after = decodeCursor(cursor, 2) as [string, string] | undefined;
    const rows = await listUsers(db, { limit, after, q, role, teamId });
    const page = toPage(rows, limit, (r) => [r.user.name, r.user.id]);
    return { items: page.items.map((r) => presentUser(r.user, r.teamIds, actor)), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/users/:id', { schema: { tags: ['users'], summary: 'Get a user', params: idParams, response: { 200: userSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'read', 'user');
    const found = await getUser(db, request.params.id);
    if (!found) throw notFound('User', request.params.id);
    return presentUser(found.user, found.teamIds, actor);
  });

  app.post('/api/v1/users', { schema: { tags: ['users'], summary: 'Create a user', body: userInput, response: { 201: userSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'create', 'user');
    const created = await addUser({ db, actorUserId: actor.userId }, request.body);
    const found = (await getUser(db, created.id))!;
    return reply.status(201).send(presentUser(found.user, found.teamIds, actor));
  });

  app.patch('/api/v1/users/:id', { schema: { tags: ['users'], summary: 'Update a user', params: idParams, body: userInput.partial(), response: { 200: userSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'user');
    await changeUser({ db, actorUserId: actor.userId }, request.params.id, request.body, { keepCookie: request.cookies[sessionCookie] });
    const found = (await getUser(db, request.params.id))!;
    return presentUser(found.user, found.teamIds, actor);
  });

  app.get('/api/v1/teams', { schema: { tags: ['teams'], summary: 'List teams', querystring: z.object(paginationQuery), response: { 200: pageSchema(teamSchema) } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'list', 'team');
    // Teams are few (tens): one page holds them all.
    return { items: (await listTeams(db)).map((t) => presentTeam(t.team, t.memberIds, actor)), nextCursor: null };
  });

  app.get('/api/v1/teams/:id', { schema: { tags: ['teams'], summary: 'Get a team', params: idParams, response: { 200: teamSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'read', 'team');
    const found = await getTeam(db, request.params.id);
    if (!found) throw notFound('Team', request.params.id);
    return presentTeam(found.team, found.memberIds, actor);
  });

  app.post('/api/v1/teams', { schema: { tags: ['teams'], summary: 'Create a team', body: teamInput, response: { 201: teamSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'create', 'team');
    const team = await addTeam({ db, actorUserId: actor.userId }, request.body);
    const found = (await getTeam(db, team.id))!;
    return reply.status(201).send(presentTeam(found.team, found.memberIds, actor));
  });

  app.patch('/api/v1/teams/:id', { schema: { tags: ['teams'], summary: 'Update a team', params: idParams, body: teamInput.partial(), response: { 200: teamSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'team');
    await changeTeam({ db, actorUserId: actor.userId }, request.params.id, request.body);
    const found = (await getTeam(db, request.params.id))!;
    return presentTeam(found.team, found.memberIds, actor);
  });
}
