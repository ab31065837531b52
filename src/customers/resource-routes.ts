/* eslint-disable @typescript-eslint/no-explicit-any -- one route factory serves five record types; their zod schemas carry the types at the edge */
import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { decodeCursor, pageSchema, paginationQuery, toPage } from '../http/index.js';
import { notFound } from '../errors/index.js';
import { idParams, idSchema } from '../http/index.js';
import { authorize, organisationScope, permissions, type Actor, type Owned } from '../policies/index.js';
import { createRecord, updateRecord } from './commands.js';

type AnyRow = Record<string, any> & { id: string };

export interface ResourceSpec<Input extends z.ZodObject<any>, Output extends z.ZodTypeAny> {
  /** URL segment, e.g. `sites`. */
  path: string;
  /** Singular name for messages and the audit trail, e.g. `site`. */
  entity: string;
  table: PgTable & { id: PgColumn; createdAt: PgColumn; updatedAt: PgColumn };
  /** Column used to order lists (with the id as tie-breaker). */
  sortColumn: PgColumn;
  /** Columns matched by `?q=`. */
  searchColumns: PgColumn[];
  /**
   * An expression joining the search columns that has a trigram (pg_trgm GIN) index: `?q=` is
   * tested on it first so the index finds the candidates, then on each column, so the answer is
   * exactly the columns' matches (a match across the join of two columns is dropped).
   */
  searchExpression?: SQL;
  /** Query-string filters that match a column exactly: `{ organisationId: sites.organisationId }`. */
  filters: Record<string, PgColumn>;
  /** How a customer's organisation scope maps onto this table. */
  scopeColumns: { organisationId?: PgColumn; contactId?: PgColumn };
  input: Input;
  output: Output;
  /** The record's fields; `registerResource` adds the caller's `permissions`. */
  present: (row: AnyRow) => Omit<z.infer<Output>, 'permissions'>;
  owner: (row: AnyRow) => Owned;
  /** Normalises input before it is stored (lower-case emails, …). */
  prepare?: (input: Partial<z.infer<Input>>) => Record<string, unknown>;
}

/**
 * Registers list / get / create / update for one customer-data resource (organisations, sites,
 * contacts, contracts, assets). They differ only in columns, so one implementation of pagination,
 * scoping, authorization and auditing serves all five.
 */
export function registerResource<I extends z.ZodObject<any>, O extends z.ZodTypeAny>(app: App, spec: ResourceSpec<I, O>) {
  const { db } = app.ctx;
  // The generic spec defeats the type provider's inference; the zod schemas still validate at run time.
  const api = app as unknown as FastifyInstance;
  const t = spec.table as any;
  const output: any = spec.output;
  const input: any = spec.input;
  const base = `/api/v1/${spec.path}`;
  const tag = spec.path;
  const prepare = spec.prepare ?? ((x) => x as Record<string, unknown>);
  const filterQuery = Object.fromEntries(Object.keys(spec.filters).map((k) => [k, idSchema.optional()]));

  // What the caller may do with the row, next to its fields, so the web app shows only that.
  const show = (actor: Actor, row: AnyRow) => ({ ...spec.present(row), permissions: permissions(actor, 'customer', spec.owner(row), ['update']) });

  async function load(id: string): Promise<AnyRow | undefined> {
    const [row] = await db.select().from(t).where(eq(t.id, id));
    return row as AnyRow | undefined;
  }

  api.get(base, {
    schema: { tags: [tag], summary: `List ${spec.path}`, querystring: z.object({ ...paginationQuery, q: z.string().max(200).optional(), ...filterQuery }), response: { 200: pageSchema(output) } },
  }, async (request: any) => {
    const actor = requireActor(request);
    authorize(actor, 'list', 'customer');
    const query = request.query as Record<string, any>;
    const conditions: (SQL | undefined)[] = [];
    const scope = organisationScope(actor);
    if (scope?.organisationId) conditions.push(spec.scopeColumns.organisationId ? eq(spec.scopeColumns.organisationId, scope.organisationId) : eq(t.id, scope.organisationId));
    if (scope?.contactId) conditions.push(spec.scopeColumns.contactId ? eq(spec.scopeColumns.contactId, scope.contactId) : eq(t.id, '00000000-0000-0000-0000-000000000000'));
    for (const [key, column] of Object.entries(spec.filters)) if (query[key]) conditions.push(eq(column, query[key]));
    if (query.q) {
      const pattern = `%${String(query.q).replace(/[%_]/g, '\\$&')}%`;
      if (spec.searchExpression) conditions.push(sql`${spec.searchExpression} ilike ${pattern}`);
      conditions.push(or(...spec.searchColumns.map((c) => ilike(c, pattern))));
    }
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    if (after) conditions.push(or(gt(spec.sortColumn, after[0]), and(eq(spec.sortColumn, after[0]), gt(t.id, after[1]))));
    const rows = (await db.select().from(t).where(and(...conditions)).orderBy(asc(spec.sortColumn), asc(t.id)).limit(query.limit + 1)) as AnyRow[];
    const sortKey = (spec.sortColumn as any).name as string;
    const page = toPage(rows, query.limit, (r) => [r[camel(sortKey)], r.id]);
    return { items: page.items.map((row) => show(actor, row)), nextCursor: page.nextCursor };
  });

  api.get(`${base}/:id`, { schema: { tags: [tag], summary: `Get one of ${spec.path}`, params: idParams, response: { 200: output } } }, async (request: any) => {
    const actor = requireActor(request);
    const row = await load(request.params.id);
    if (!row) throw notFound(cap(spec.entity), request.params.id);
    authorize(actor, 'read', 'customer', spec.owner(row));
    return show(actor, row);
  });

  api.post(base, { schema: { tags: [tag], summary: `Create one of ${spec.path}`, body: input, response: { 201: output } } }, async (request: any, reply: any) => {
    const actor = requireActor(request);
    authorize(actor, 'create', 'customer');
    const row = await createRecord({ db, actorUserId: actor.userId }, spec.table, spec.entity, prepare(request.body as any));
    return reply.status(201).send(show(actor, row));
  });

  api.patch(`${base}/:id`, { schema: { tags: [tag], summary: `Update one of ${spec.path}`, params: idParams, body: input.partial(), response: { 200: output } } }, async (request: any) => {
    const actor = requireActor(request);
    const before = await load(request.params.id);
    if (!before) throw notFound(cap(spec.entity), request.params.id);
    authorize(actor, 'update', 'customer', spec.owner(before));
    const row = await updateRecord({ db, actorUserId: actor.userId }, spec.table, spec.entity, before, prepare(request.body as any));
    return show(actor, row);
  });
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
