/**
 * Retention: closed cases older than their organisation's policy (or the default) are deleted
 * with everything keyed on them, in batches, each batch one transaction across every source;
 * raw inbound failures older than the default's days go too. Run by a recurring durable job,
 * or at once by an admin.
 */
import { DateTime } from 'luxon';
import type { Db } from '../db/index.js';
import type { Registry } from '../http/index.js';
import { personalDataSources, type RetentionScope } from './sources.js';
import { DEFAULT_SCOPE, listRetentionPolicies, logProcessing } from './store.js';

export const RETENTION_JOB = 'privacy.retention';
export const RETENTION_EVERY_SECONDS = 3600;

export interface RetentionRun {
  /** Cases purged per policy scope ("default" or an organisation id). */
  cases: Record<string, number>;
  /** Rows deleted per kind, from every source. */
  rows: Record<string, number>;
  rawFailures: number;
}

/** The scopes the policies define, at `now`: one per organisation with months, and the default for everyone else. */
export function retentionScopes(policies: { scope: string; organisationId: string | null; closedCaseMonths: number | null }[], now: Date, limit: number): (RetentionScope & { scope: string })[] {
  const before = (months: number) => DateTime.fromJSDate(now).minus({ months }).toJSDate();
  const own = policies.filter((p) => p.organisationId);
  const scopes = own
    .filter((p) => p.closedCaseMonths != null)
    .map((p) => ({ scope: p.scope, organisationId: p.organisationId, exceptOrganisationIds: [] as string[], closedBefore: before(p.closedCaseMonths!), limit }));
  const fallback = policies.find((p) => p.scope === DEFAULT_SCOPE);
  if (fallback?.closedCaseMonths != null) {
    scopes.push({ scope: DEFAULT_SCOPE, organisationId: null, exceptOrganisationIds: own.map((p) => p.organisationId!), closedBefore: before(fallback.closedCaseMonths), limit });
  }
  return scopes;
}

/** Applies every policy once; at most `maxCases` cases per run so one run never holds the database for long. */
export async function runRetention(db: Db, registry: Registry, opts: { now?: Date; batch?: number; maxCases?: number; actorUserId?: string | null; actorLabel?: string | null; logEmpty?: boolean } = {}): Promise<RetentionRun> {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? 200;
  const maxCases = opts.maxCases ?? 20_000;
  const sources = registry.list(personalDataSources);
  const policies = await listRetentionPolicies(db);
  const run: RetentionRun = { cases: {}, rows: {}, rawFailures: 0 };
  const add = (counts: Record<string, number>) => {
    for (const [k, n] of Object.entries(counts)) run.rows[k] = (run.rows[k] ?? 0) + n;
  };
  let total = 0;
  for (const scope of retentionScopes(policies, now, batch)) {
    while (total < maxCases) {
      const ids = (await Promise.all(sources.map((s) => s.expiredTickets?.(db, scope) ?? Promise.resolve([])))).flat();
      if (ids.length === 0) break;
      await db.transaction(async (tx) => {
        for (const source of sources) if (source.purgeTickets) add(await source.purgeTickets(tx, ids));
      });
      run.cases[scope.scope] = (run.cases[scope.scope] ?? 0) + ids.length;
      total += ids.length;
    }
  }
  const days = policies.find((p) => p.scope === DEFAULT_SCOPE)?.rawFailureDays;
  if (days != null) {
    const before = DateTime.fromJSDate(now).minus({ days }).toJSDate();
    await db.transaction(async (tx) => {
      for (const source of sources) {
        if (!source.purgeRawFailures) continue;
        const counts = await source.purgeRawFailures(tx, before);
        add(counts);
        run.rawFailures += Object.values(counts).reduce((a, b) => a + b, 0);
      }
    });
  }
  if (total > 0 || run.rawFailures > 0 || opts.logEmpty) {
    await logProcessing(db, { kind: 'retention', status: 'done', actorUserId: opts.actorUserId ?? null, actorLabel: opts.actorLabel ?? null, counts: { ...run, casesTotal: total } });
  }
  return run;
}
