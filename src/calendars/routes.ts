/** Business calendars over HTTP: CRUD, country defaults and the due-time calculator. */
import { z } from 'zod';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { decodeCursor, iso, pageSchema, paginationQuery, toPage } from '../http/index.js';
import { notFound, problem } from '../errors/index.js';
import { countrySchema, idParams, idSchema } from '../http/index.js';
import { authorize, permissions, permissionsSchema, type Actor } from '../policies/index.js';
import { calendarDefinitionSchema, resolveCalendar, weeklyOpenMinutes, type CalendarDefinition } from './business-calendar.js';
import { addBusinessMinutes } from './business-time.js';
import { addCalendar, changeCalendar, removeCalendar } from './commands.js';
import { calendarUsages, countryCalendar, definitionOf, getCalendar, listCalendars, type CalendarRow } from './store.js';
import { listHolidays } from './holidays.js';

export const calendarDefinitionApiSchema = calendarDefinitionSchema.meta({ id: 'CalendarDefinition' });

const calendarSchema = z
  .object({ id: z.string(), name: z.string(), country: z.string().nullable(), definition: calendarDefinitionApiSchema, weeklyOpenMinutes: z.number(), createdAt: z.string(), updatedAt: z.string(), permissions: permissionsSchema('calendar', ['update']) })
  .meta({ id: 'Calendar' });

const calendarInput = z.object({ name: z.string().trim().min(1).max(200), definition: calendarDefinitionApiSchema, country: countrySchema.nullable().optional() });

/** Ten years of round-the-clock minutes: far beyond any real target, small enough to answer fast. */
export const MAX_DUE_MINUTES = 5_256_000;

const dueBody = z.object({
  calendar: z.union([z.strictObject({ id: idSchema }), calendarDefinitionApiSchema]),
  start: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant with a UTC offset or Z, e.g. 2026-04-01T09:00:00Z' }),
  minutes: z
    .number({ error: 'must be a number of business minutes' })
    .min(0, 'must not be negative')
    .max(MAX_DUE_MINUTES, `must be at most ${MAX_DUE_MINUTES} (ten years)`),
});

const holidaySchema = z.object({ date: z.string(), dates: z.array(z.string()), name: z.string(), type: z.string(), source: z.enum(['country', 'custom']) });

function present(row: CalendarRow, actor: Actor) {
  const definition = definitionOf(row);
  return {
    id: row.id, name: row.name, country: row.country, definition,
    weeklyOpenMinutes: definition.alwaysOpen ? 7 * 1440 : weeklyOpenMinutes(resolveCalendar(definition)),
    createdAt: iso(row.createdAt)!, updatedAt: iso(row.updatedAt)!,
    permissions: permissions(actor, 'calendar', undefined, ['update']),
  };
}

/** Holidays a definition closes in a year: the country's (with names) and the custom dates. */
function holidaysOf(definition: CalendarDefinition, year: number) {
  const fromCountry = definition.holidayCountry
    ? listHolidays({ country: definition.holidayCountry, region: definition.holidayRegion, types: definition.holidayTypes ?? ['public'] }, year).map((h) => ({ ...h, source: 'country' as const }))
    : [];
  const custom = (definition.holidays ?? []).filter((d) => d.startsWith(`${year}-`)).map((d) => ({ date: d, dates: [d], name: '', type: 'custom', source: 'custom' as const }));
  return [...fromCountry, ...custom].sort((a, b) => a.date.localeCompare(b.date));
}

/** Registers calendar CRUD, country defaults, holidays and the due-time calculator. */
export default async function calendarRoutes(app: App) {
  const { db } = app.ctx;
  const tags = ['calendars'];

  app.get('/api/v1/calendars', { schema: { tags, summary: 'List business calendars', querystring: z.object(paginationQuery), response: { 200: pageSchema(calendarSchema) } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'read', 'calendar');
    const rows = await listCalendars(db, request.query.limit, decodeCursor(request.query.cursor, 2) as [string, string] | undefined);
    const page = toPage(rows, request.query.limit, (r) => [r.name, r.id]);
    return { items: page.items.map((r) => present(r, actor)), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/calendars', { schema: { tags, summary: 'Create a business calendar (with `country`, it overrides that country\'s default)', body: calendarInput, response: { 201: calendarSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'calendar');
    const row = await addCalendar({ db, actorUserId: actor.userId }, request.body);
    return reply.status(201).send(present(row, actor));
  });

  app.get('/api/v1/calendars/:id', { schema: { tags, summary: 'Get a business calendar', params: idParams, response: { 200: calendarSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'read', 'calendar');
    const row = await getCalendar(db, request.params.id);
    if (!row) throw notFound('Calendar', request.params.id);
    return present(row, actor);
  });

  app.patch('/api/v1/calendars/:id', { schema: { tags, summary: 'Change a business calendar', params: idParams, body: calendarInput.partial(), response: { 200: calendarSchema } } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'calendar');
    const before = await getCalendar(db, request.params.id);
    if (!before) throw notFound('Calendar', request.params.id);
    const row = await changeCalendar({ db, actorUserId: actor.userId }, before, request.body);
    return present(row, actor);
  });

  app.delete('/api/v1/calendars/:id', { schema: { tags, summary: 'Delete a business calendar no team or contract uses', params: idParams } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'calendar');
    await removeCalendar({ db, actorUserId: actor.userId }, request.params.id, app.ctx.registry.list(calendarUsages));
    return reply.status(204).send();
  });

  app.get('/api/v1/calendars/:id/holidays', {
    schema: { tags, summary: 'Holidays a calendar closes in a year', params: idParams, querystring: z.object({ year: z.coerce.number().int().min(1970).max(2200).optional() }), response: { 200: z.object({ items: z.array(holidaySchema), nextCursor: z.null() }) } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'read', 'calendar');
    const row = await getCalendar(db, request.params.id);
    if (!row) throw notFound('Calendar', request.params.id);
    // A year's holidays are a short, bounded list: one page.
    return { items: holidaysOf(definitionOf(row), request.query.year ?? new Date().getUTCFullYear()), nextCursor: null };
  });

  app.get('/api/v1/calendars/countries/:country', {
    schema: {
      tags, summary: 'The calendar of a country: the admin override, or the default built from its workweek, office hours, main time zone and public holidays',
      params: z.object({ country: countrySchema }), querystring: z.object({ year: z.coerce.number().int().min(1970).max(2200).optional() }),
      response: { 200: z.object({ country: z.string(), source: z.enum(['override', 'default']), calendarId: z.string().nullable(), definition: calendarDefinitionApiSchema, note: z.string().nullable(), holidays: z.array(holidaySchema) }) },
    },
  }, async (request) => {
    authorize(requireActor(request), 'read', 'calendar');
    const view = await countryCalendar(db, request.params.country);
    if (!view) throw problem(404, `No time zone is known for country ${request.params.country}, so it has no default calendar; create one with "country" set.`);
    return { ...view, holidays: holidaysOf(view.definition, request.query.year ?? new Date().getUTCFullYear()) };
  });

  app.post('/api/v1/calendars/due', {
    schema: {
      tags, summary: 'When N business minutes after an instant fall due on a calendar (stored, by id, or inline)', body: dueBody,
      response: { 200: z.object({ due: z.string().meta({ description: 'ISO 8601 instant, UTC' }) }) },
    },
  }, async (request) => {
    authorize(requireActor(request), 'compute', 'calendar');
    const { calendar, start, minutes } = request.body;
    let definition: CalendarDefinition;
    if ('id' in calendar) {
      const row = await getCalendar(db, calendar.id);
      if (!row) throw notFound('Calendar', calendar.id);
      definition = definitionOf(row);
    } else definition = calendar;
    return { due: addBusinessMinutes(resolveCalendar(definition), new Date(start), minutes).toISOString() };
  });
}
