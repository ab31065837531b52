/**
 * Data protection endpoints: a contact's export (a zip) and erasure (a job), the processing log,
 * and the retention policies with a "run now".
 */
import { z } from 'zod';
import { problem } from '../errors/index.js';
import { decodeCursor, idParams, iso, pageSchema, paginationQuery, requireActor, toPage, type App } from '../http/index.js';
import { authorize, isCustomer } from '../policies/index.js';
import { exportContact, removeRetentionPolicy, requestErasure, requestRetentionRun, setRetentionPolicy, type PrivacyCtx } from './commands.js';
import { RETENTION_JOB } from './retention.js';
import { processingKinds, processingStatuses } from './schema.js';
import { personalDataSources } from './sources.js';
import { getProcessing, listProcessing, listRetentionPolicies, type ProcessingEntry, type RetentionPolicy } from './store.js';
import { gatherSubject } from './subject.js';

const entrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(processingKinds),
    status: z.enum(processingStatuses),
    contactId: z.string().nullable(),
    organisationId: z.string().nullable(),
    actor: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    counts: z.record(z.string(), z.unknown()),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ProcessingEntry' });

const policySchema = z
  .object({
    scope: z.string(),
    organisationId: z.string().nullable(),
    closedCaseMonths: z.number().int().nullable(),
    rawFailureDays: z.number().int().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RetentionPolicy' });

const months = z.number().int().min(1).max(1200).nullable();
const days = z.number().int().min(1).max(36500).nullable();

const presentEntry = (e: ProcessingEntry) => ({
  id: e.id,
  kind: e.kind,
  status: e.status,
  contactId: e.contactId,
  organisationId: e.organisationId,
  actor: { id: e.actorUserId, name: e.actorLabel },
  counts: e.counts as Record<string, unknown>,
  error: e.error,
  createdAt: iso(e.createdAt)!,
  finishedAt: iso(e.finishedAt),
});

const presentPolicy = (p: RetentionPolicy) => ({
  scope: p.scope,
  organisationId: p.organisationId,
  closedCaseMonths: p.closedCaseMonths,
  rawFailureDays: p.rawFailureDays,
  updatedAt: iso(p.updatedAt)!,
});

export default async function privacyRoutes(app: App) {
  const { db, registry } = app.ctx;
  const tags = ['privacy'];
  const ctxOf = (request: { actor: Parameters<typeof requireActor>[0]['actor'] }): PrivacyCtx => {
    const actor = requireActor(request);
    return { db, registry, actorUserId: actor.userId, actorLabel: actor.name };
  };
  // Unknown and foreign alike: 404, so an id says nothing about whether it exists.
  const subjectOf = (contactId: string) => gatherSubject(db, registry, contactId);

  app.get('/api/v1/contacts/:id/export', {
    schema: { tags, summary: "Everything Rapport holds about a contact, as one zip: data.json and the attachments (logged in the processing log)", params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const subject = await subjectOf(request.params.id);
    if (!subject) throw problem(404, `Contact ${request.params.id} was not found.`);
    try {
      authorize(actor, 'export', 'privacy', { contactId: subject.contactId, organisationId: subject.organisationId });
    } catch (err) {
      // A customer asking for someone else's export learns nothing about that person.
      if (isCustomer(actor)) throw problem(404, `Contact ${request.params.id} was not found.`);
      throw err;
    }
    const archive = await exportContact(ctxOf(request), subject, { includeInternal: !isCustomer(actor) });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="contact-${request.params.id}.zip"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(archive.zip));
  });

  app.post('/api/v1/contacts/:id/erasure', {
    schema: {
      tags, summary: "Erase a contact's personal data everywhere (runs as a job; follow it in the processing log)",
      params: idParams,
      body: z.object({ confirm: z.literal(true).meta({ description: 'Must be true: an erasure cannot be undone.' }) }),
      response: { 202: entrySchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'erase', 'privacy');
    const subject = await subjectOf(request.params.id);
    if (!subject) throw problem(404, `Contact ${request.params.id} was not found.`);
    const entry = await requestErasure(ctxOf(request), subject);
    return reply.status(202).send(presentEntry(entry));
  });

  app.get('/api/v1/privacy/log', {
    schema: {
      tags, summary: 'The processing log: exports, erasures and retention runs, newest first',
      querystring: z.object({ ...paginationQuery, kind: z.enum(processingKinds).optional(), contactId: z.uuid().optional() }),
      response: { 200: pageSchema(entrySchema) },
    },
  }, async (request) => {
    authorize(requireActor(request), 'log', 'privacy');
    const { limit, cursor, kind, contactId } = request.query;
    const after = decodeCursor(cursor, 2) as [string, string] | undefined;
    if (after && (Number.isNaN(Date.parse(after[0])) || !z.uuid().safeParse(after[1]).success)) throw problem(400, 'The cursor is not valid; start again without one.');
    const rows = await listProcessing(db, { limit, after, kind, contactId });
    const page = toPage(rows, limit, (r) => [iso(r.createdAt), r.id]);
    return { items: page.items.map(presentEntry), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/privacy/log/:id', {
    schema: { tags, summary: 'One entry of the processing log (follow an erasure)', params: idParams, response: { 200: entrySchema } },
  }, async (request) => {
    authorize(requireActor(request), 'log', 'privacy');
    const entry = await getProcessing(db, request.params.id);
    if (!entry) throw problem(404, `Processing entry ${request.params.id} was not found.`);
    return presentEntry(entry);
  });

  app.get('/api/v1/privacy/retention', {
    schema: { tags, summary: 'Retention policies: the default and each organisation with its own', response: { 200: z.object({ items: z.array(policySchema) }) } },
  }, async (request) => {
    authorize(requireActor(request), 'retention', 'privacy');
    return { items: (await listRetentionPolicies(db)).map(presentPolicy) };
  });

  app.put('/api/v1/privacy/retention/default', {
    schema: {
      tags, summary: 'Set the default retention: closed cases after N months, raw inbound failures after N days (null keeps them)',
      body: z.object({ closedCaseMonths: months, rawFailureDays: days }),
      response: { 200: policySchema },
    },
  }, async (request) => {
    authorize(requireActor(request), 'retention', 'privacy');
    return presentPolicy(await setRetentionPolicy(ctxOf(request), null, request.body));
  });

  app.put('/api/v1/privacy/retention/organisations/:id', {
    schema: {
      tags, summary: "Set an organisation's own retention of closed cases (null keeps them for ever)",
      params: idParams, body: z.strictObject({ closedCaseMonths: months }), response: { 200: policySchema },
    },
  }, async (request) => {
    authorize(requireActor(request), 'retention', 'privacy');
    const known = await Promise.all(registry.list(personalDataSources).map((s) => s.hasOrganisation?.(db, request.params.id) ?? false));
    if (!known.some(Boolean)) throw problem(404, `Organisation ${request.params.id} was not found.`);
    return presentPolicy(await setRetentionPolicy(ctxOf(request), request.params.id, { closedCaseMonths: request.body.closedCaseMonths }));
  });

  app.delete('/api/v1/privacy/retention/organisations/:id', {
    schema: { tags, summary: "Remove an organisation's own retention: the default applies again", params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    authorize(requireActor(request), 'retention', 'privacy');
    await removeRetentionPolicy(ctxOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/privacy/retention/run', {
    schema: { tags, summary: 'Apply the retention policies now (queued; the run appears in the processing log)', response: { 202: z.object({ queued: z.boolean() }) } },
  }, async (request, reply) => {
    authorize(requireActor(request), 'retention', 'privacy');
    await requestRetentionRun(ctxOf(request), RETENTION_JOB);
    return reply.status(202).send({ queued: true });
  });
}

