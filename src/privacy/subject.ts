/** Gathers what every source knows about a contact into the one subject an export or erasure works on. */
import type { DbOrTx } from '../db/index.js';
import type { Registry } from '../http/index.js';
import { mergeIdentifiers } from './identifiers.js';
import { personalDataSources, type ErasureSubject } from './sources.js';

/** The subject, or null when no source knows the contact (unknown id). */
export async function gatherSubject(db: DbOrTx, registry: Registry, contactId: string): Promise<ErasureSubject | null> {
  const facts = [];
  for (const source of registry.list(personalDataSources)) {
    if (source.describe) facts.push(await source.describe(db, contactId));
  }
  if (!facts.some((f) => f.exists)) return null;
  const organisationId = facts.find((f) => f.organisationId !== undefined)?.organisationId ?? null;
  return {
    contactId,
    organisationId,
    ticketIds: [...new Set(facts.flatMap((f) => f.ticketIds ?? []))],
    userIds: [...new Set(facts.flatMap((f) => f.userIds ?? []))],
    identifiers: mergeIdentifiers(facts),
  };
}
