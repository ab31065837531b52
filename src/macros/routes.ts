/** Macro endpoints: the list and search, CRUD, and preview/apply on a ticket. */
import { z } from 'zod';
import { notFound } from '../errors/index.js';
import { decodeCursor, idSchema, pageSchema, paginationQuery, requireActor, toPage, type App } from '../http/index.js';
import { authorize, can, permissions, permissionsSchema, type Actor } from '../policies/index.js';
import { getTicket, presentTicket, ticketSchema, type CommandContext } from '../tickets/index.js';
import { applyMacro, createMacro, deleteMacro, updateMacro } from './commands.js';
import { renderMacro, type RenderedMacro } from './render.js';
import type { MacroRow } from './schema.js';
import { getMacro, listVisibleMacros } from './store.js';
import { REGISTERS } from './variant.js';

const tags = ['macros'];
const ACTIONS = ['update', 'delete', 'apply'] as const;

const variantSchema = z.object({
  language: z.string().trim().min(2).max(15).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  register: z.enum(REGISTERS),
  body: z.string().trim().min(1).max(20_000),
}).meta({ id: 'MacroVariant' });

const actionsSchema = z.object({
  status: z.enum(['open', 'pending', 'on_hold', 'solved']).nullable().optional(),
  addTags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  assigneeId: idSchema.nullable().optional(),
  teamId: idSchema.nullable().optional(),
  promiseInBusinessHours: z.number().int().min(1).max(400).nullable().optional(),
}).meta({ id: 'MacroActions' });

const macroSchema = z.object({
  id: z.string(), title: z.string(), scope: z.enum(['personal', 'shared']), ownerUserId: z.string(), teamId: z.string().nullable(),
  variants: z.array(variantSchema), actions: actionsSchema, createdAt: z.string(), updatedAt: z.string(),
  permissions: permissionsSchema('macro', ACTIONS),
}).meta({ id: 'Macro' });

const inputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  scope: z.enum(['personal', 'shared']).default('personal'),
  teamId: idSchema.nullable().optional(),
  variants: z.array(variantSchema).min(1).max(50),
  actions: actionsSchema.optional(),
});

const addressSchema = z.object({
  address: z.object({ gender: z.enum(['female', 'male', 'neutral']).optional(), title: z.enum(['dr', 'prof', 'eng']).nullable().optional() }).optional(),
}).default({});

const renderedSchema = z.object({
  macroId: z.string(),
  text: z.string(),
  variant: z.object({ index: z.number().int(), language: z.string(), register: z.enum(REGISTERS) }).nullable(),
  reason: z.enum(['exact', 'language', 'base-language', 'organisation-default', 'english', 'first']).nullable(),
  wanted: z.object({ language: z.string().nullable(), register: z.enum(REGISTERS), organisationLanguage: z.string().nullable() }),
  missing: z.array(z.string()).meta({ description: 'Placeholders left as written because the ticket has no value for them' }),
  promiseDueAt: z.string().nullable(),
}).meta({ id: 'RenderedMacro', description: 'The variant chosen for the ticket, why, and its text with the placeholders filled' });

function present(actor: Actor, m: MacroRow) {
  return {
    id: m.id, title: m.title, scope: m.scope, ownerUserId: m.ownerUserId, teamId: m.teamId, variants: m.variants, actions: m.actions,
    createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(), permissions: permissions(actor, 'macro', m, ACTIONS),
  };
}

function presentRendered(macroId: string, r: RenderedMacro) {
  return {
    macroId, text: r.text, reason: r.reason, wanted: r.wanted, missing: r.missing, promiseDueAt: r.promiseDueAt?.toISOString() ?? null,
    variant: r.variantIndex === null ? null : { index: r.variantIndex, language: r.language!, register: r.register! },
  };
}

/** Registers the macro endpoints. */
export default async function macroRoutes(app: App) {
  const { db, realtime } = app.ctx;
  const commandContext = (actor: Actor): CommandContext => ({ db, realtime, registry: app.ctx.registry, actorUserId: actor.userId });

  /** A macro the caller may see; another user's personal macro is "not found", not "forbidden". */
  async function visibleMacro(actor: Actor, id: string) {
    authorize(actor, 'list', 'macro');
    const macro = await getMacro(db, id);
    if (!macro || !can(actor, 'read', 'macro', macro)) throw notFound('Macro', id);
    return macro;
  }

  async function visibleTicket(actor: Actor, id: string) {
    const ticket = await getTicket(db, id);
    if (!ticket) throw notFound('Ticket', id);
    authorize(actor, 'read', 'ticket', ticket);
    return ticket;
  }

  app.get('/api/v1/macros', {
    schema: {
      tags, summary: 'Macros the caller may use (shared ones and their own), by title; q searches titles and texts',
      querystring: z.object({ q: z.string().trim().max(200).optional(), scope: z.enum(['personal', 'shared']).optional(), ...paginationQuery }),
      response: { 200: pageSchema(macroSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'list', 'macro');
    const { q, scope, limit, cursor } = request.query;
    const after = decodeCursor(cursor, 2) as [string, string] | undefined;
    const rows = await listVisibleMacros(db, actor.userId, { q: q || undefined, scope, limit, after });
    const page = toPage(rows, limit, (m) => [m.title, m.id]);
    return { items: page.items.map((m) => present(actor, m)), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/macros', { schema: { tags, summary: 'Create a macro (shared ones: managers and admins)', body: inputSchema, response: { 201: macroSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'create', 'macro');
    authorize(actor, 'create', 'macro', { ownerUserId: actor.userId, scope: request.body.scope });
    const macro = await createMacro(commandContext(actor), actor.userId, request.body);
    return reply.status(201).send(present(actor, macro));
  });

  const macroParams = z.object({ id: idSchema });
  app.get('/api/v1/macros/:id', { schema: { tags, summary: 'One macro', params: macroParams, response: { 200: macroSchema } } }, async (request) => {
    const actor = requireActor(request);
    return present(actor, await visibleMacro(actor, request.params.id));
  });

  app.patch('/api/v1/macros/:id', { schema: { tags, summary: 'Change a macro', params: macroParams, body: inputSchema.partial(), response: { 200: macroSchema } } }, async (request) => {
    const actor = requireActor(request);
    const macro = await visibleMacro(actor, request.params.id);
    authorize(actor, 'update', 'macro', macro);
    // Sharing a personal macro is a change to a shared one: managers only.
    if (request.body.scope) authorize(actor, 'update', 'macro', { ...macro, scope: request.body.scope });
    return present(actor, await updateMacro(commandContext(actor), macro, request.body));
  });

  app.delete('/api/v1/macros/:id', { schema: { tags, summary: 'Delete a macro', params: macroParams, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = requireActor(request);
    const macro = await visibleMacro(actor, request.params.id);
    authorize(actor, 'delete', 'macro', macro);
    await deleteMacro(commandContext(actor), macro);
    return reply.status(204).send(null);
  });

  const onTicket = z.object({ id: idSchema, macroId: idSchema });
  app.post('/api/v1/tickets/:id/macros/:macroId/preview', {
    schema: { tags, summary: "A macro rendered for a ticket: the variant for its language and register, and why; changes nothing", params: onTicket, body: addressSchema, response: { 200: renderedSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    const macro = await visibleMacro(actor, request.params.macroId);
    return presentRendered(macro.id, await renderMacro(db, macro, ticket, actor.name, { address: request.body.address }));
  });

  app.post('/api/v1/tickets/:id/macros/:macroId/apply', {
    schema: {
      tags, summary: "Apply a macro's actions to a ticket (one transaction, audited) and get its text for the composer", params: onTicket, body: addressSchema,
      response: { 200: renderedSchema.extend({ ticket: ticketSchema }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    const macro = await visibleMacro(actor, request.params.macroId);
    authorize(actor, 'apply', 'macro', macro);
    authorize(actor, 'update', 'ticket', ticket);
    const { rendered, ticket: updated } = await applyMacro({ ...commandContext(actor), actorName: actor.name }, macro, ticket, { address: request.body.address });
    return { ...presentRendered(macro.id, rendered), ticket: await presentTicket(db, actor, updated) };
  });
}
