/**
 * The privacy capability's changes: export a contact, erase one (a durable job), set retention
 * policies, run retention. Each is recorded in the processing log; settings and erasures also in
 * the audit trail, which keeps only that they happened, by whom and when.
 */
import { recordAudit, redactAuditOf } from '../audit/index.js';
import type { Db, Tx } from '../db/index.js';
import { notFound, problem } from '../errors/index.js';
import type { Registry } from '../http/index.js';
import { enqueue } from '../jobs/index.js';
import { buildContactArchive, type ContactArchive } from './archive.js';
import { redactMentions } from './sweep.js';
import { personalDataSources, type ErasureSubject, type ExportOptions } from './sources.js';
import {
  DEFAULT_SCOPE,
  deleteRetentionPolicy,
  finishProcessing,
  getProcessing,
  getRetentionPolicy,
  logProcessing,
  putRetentionPolicy,
  type ProcessingEntry,
  type RetentionPolicy,
} from './store.js';
import { gatherSubject } from './subject.js';

export const ERASE_JOB = 'privacy.erase';
/** After the last attempt the log entry says failed (and the job waits in Admin → Background jobs for a retry). */
export const ERASE_ATTEMPTS = 5;

export interface PrivacyCtx {
  db: Db;
  registry: Registry;
  actorUserId: string | null;
  actorLabel?: string | null;
}

/** Builds the contact's archive and logs that it left the system. The caller gathered the subject (and checked who may ask). */
export async function exportContact(ctx: PrivacyCtx, subject: ErasureSubject, options: ExportOptions = { includeInternal: true }): Promise<ContactArchive & { entry: ProcessingEntry }> {
  const { contactId } = subject;
  const archive = await buildContactArchive(ctx.db, ctx.registry, subject, new Date(), options);
  const entry = await ctx.db.transaction(async (tx) => {
    const row = await logProcessing(tx, { kind: 'export', status: 'done', contactId, organisationId: subject.organisationId, actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, counts: { ...archive.counts, internalEntries: options.includeInternal ? 1 : 0 } });
    await recordAudit(tx, { actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'contact', entityId: contactId, action: 'export', changes: {} });
    return row;
  });
  return { ...archive, entry };
}

/**
 * Asks for a contact's erasure: logged as pending and queued as a durable job, so it survives a
 * restart and is retried. Each request is its own entry and job; a second one finds nothing
 * left to erase and records that.
 */
export async function requestErasure(ctx: PrivacyCtx, subject: ErasureSubject): Promise<ProcessingEntry> {
  const { contactId } = subject;
  return ctx.db.transaction(async (tx) => {
    const entry = await logProcessing(tx, { kind: 'erase', status: 'pending', contactId, organisationId: subject.organisationId, actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel });
    await enqueue(tx, ERASE_JOB, { entryId: entry.id, contactId }, { dedupeKey: `${ERASE_JOB}:${contactId}:${entry.id}`, maxAttempts: ERASE_ATTEMPTS });
    await recordAudit(tx, { actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'contact', entityId: contactId, action: 'erase_requested', changes: {} });
    return entry;
  });
}

/**
 * Erases everything about the contact in one transaction: each source erases what it holds,
 * the sweep redacts what is left anywhere, the contact's audit entries lose their content. Safe
 * to run again (the second run finds nothing more to change).
 */
export async function eraseContact(db: Db, registry: Registry, entryId: string, contactId: string): Promise<Record<string, number>> {
  const entry = await getProcessing(db, entryId);
  if (!entry) throw new Error(`processing entry ${entryId} is gone`);
  if (entry.status === 'done') return entry.counts as Record<string, number>;
  return db.transaction(async (tx) => {
    const subject = await gatherSubject(tx, registry, contactId);
    if (!subject) throw new Error(`contact ${contactId} is gone`);
    const counts: Record<string, number> = {};
    const add = (more: Record<string, number>, prefix = '') => {
      for (const [k, n] of Object.entries(more)) counts[prefix + k] = (counts[prefix + k] ?? 0) + n;
    };
    for (const source of registry.list(personalDataSources)) {
      if (source.erase) add(await source.erase(tx, subject));
    }
    add({ audit: await redactAuditOf(tx, [['contact', contactId], ...subject.userIds.map((id) => ['user', id] as [string, string])]) });
    add(await redactMentions(tx, subject.identifiers), 'redacted:');
    await recordAudit(tx, { actorUserId: entry.actorUserId, actorLabel: entry.actorLabel, entity: 'contact', entityId: contactId, action: 'erase', changes: {} });
    await finishProcessing(tx, entryId, 'done', counts);
    return counts;
  });
}

/** Marks an erasure failed once its job has used its last attempt, so the log does not say "pending" for ever. */
export async function failErasure(db: Db, entryId: string, error: string): Promise<void> {
  await finishProcessing(db, entryId, 'failed', {}, error.slice(0, 500));
}

export interface RetentionInput {
  closedCaseMonths: number | null;
  rawFailureDays?: number | null;
}

/** Sets the default policy or one organisation's. */
export async function setRetentionPolicy(ctx: PrivacyCtx, organisationId: string | null, input: RetentionInput): Promise<RetentionPolicy> {
  if (organisationId && input.rawFailureDays != null) throw problem(400, 'Raw failures belong to no organisation: set their retention on the default policy.');
  const scope = organisationId ?? DEFAULT_SCOPE;
  return ctx.db.transaction(async (tx: Tx) => {
    const before = await getRetentionPolicy(tx, scope);
    const row = await putRetentionPolicy(tx, scope, { organisationId, closedCaseMonths: input.closedCaseMonths, rawFailureDays: organisationId ? null : (input.rawFailureDays ?? null), updatedBy: ctx.actorUserId });
    await recordAudit(tx, {
      actorUserId: ctx.actorUserId,
      entity: 'retention_policy',
      entityId: scope,
      action: before ? 'update' : 'create',
      changes: {
        closedCaseMonths: { from: before?.closedCaseMonths ?? null, to: row.closedCaseMonths },
        rawFailureDays: { from: before?.rawFailureDays ?? null, to: row.rawFailureDays },
      },
    });
    return row;
  });
}

/** Queues a retention run now (an admin's "Apply now"), audited: it deletes data. */
export async function requestRetentionRun(ctx: PrivacyCtx, job: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await enqueue(tx, job, { manual: true, actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel ?? undefined }, { dedupeKey: `${job}:manual:${Date.now()}` });
    await recordAudit(tx, { actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'retention_policy', entityId: 'run', action: 'run', changes: {} });
  });
}

/** Removes an organisation's own policy: the default applies to it again. */
export async function removeRetentionPolicy(ctx: PrivacyCtx, organisationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteRetentionPolicy(tx, organisationId))) throw notFound('Retention policy', organisationId);
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'retention_policy', entityId: organisationId, action: 'delete', changes: {} });
  });
}
