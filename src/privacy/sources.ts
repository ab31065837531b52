/**
 * Where personal data lives: every capability that stores something about a contact registers a
 * `PersonalDataSource` on `personalDataSources`, and the privacy capability asks each of them in
 * turn — to export, to erase, to purge expired cases. Privacy itself knows no capability's tables.
 */
import type { DbOrTx, Tx } from '../db/index.js';
import { extensionPoint } from '../http/index.js';

/** What identifies a person in free text: searched for (and redacted) across the whole database on erasure. */
export interface Identifiers {
  names: string[];
  emails: string[];
  phones: string[];
}

/** What a source knows about the subject before anything is erased. */
export interface SubjectFacts extends Partial<Identifiers> {
  /** The contact exists here (the customers source says so). */
  exists?: boolean;
  organisationId?: string | null;
  /** The cases the contact requested: erased wholesale, because every line of them is about the person. */
  ticketIds?: string[];
  /** Customer user accounts signed in as this contact. */
  userIds?: string[];
}

/** The full picture gathered from every source, handed to `erase`. */
export interface ErasureSubject {
  contactId: string;
  organisationId: string | null;
  ticketIds: string[];
  userIds: string[];
  identifiers: Identifiers;
}

/** One part of an export: records by kind (become JSON) and files (attachments). */
export interface ExportPart {
  records?: Record<string, unknown[] | Record<string, unknown>>;
  files?: { path: string; content: Uint8Array }[];
}

/** Who the export is for: a customer's own copy leaves out the desk's internal notes, as the portal does. */
export interface ExportOptions {
  includeInternal: boolean;
}

/** Which closed cases a retention policy expires (default policy: every organisation not listed in `exceptOrganisationIds`). */
export interface RetentionScope {
  organisationId: string | null;
  exceptOrganisationIds: string[];
  closedBefore: Date;
  limit: number;
}

export interface PersonalDataSource {
  describe?(db: DbOrTx, contactId: string): Promise<SubjectFacts>;
  /** Whether this id is a customer organisation (the customers source answers). */
  hasOrganisation?(db: DbOrTx, organisationId: string): Promise<boolean>;
  export?(db: DbOrTx, subject: ErasureSubject, options: ExportOptions): Promise<ExportPart>;
  /** Removes or anonymises what this source holds about the subject; returns counts by kind (no personal data). */
  erase?(tx: Tx, subject: ErasureSubject): Promise<Record<string, number>>;
  /** Ids of closed cases the scope expires (the tickets source answers). */
  expiredTickets?(db: DbOrTx, scope: RetentionScope): Promise<string[]>;
  /** Deletes this source's rows about these cases; returns counts by kind. */
  purgeTickets?(tx: Tx, ticketIds: string[]): Promise<Record<string, number>>;
  /** Deletes raw input that failed to become a message, received before `before`. */
  purgeRawFailures?(tx: Tx, before: Date): Promise<Record<string, number>>;
}

export const personalDataSources = extensionPoint<PersonalDataSource>('privacy.sources');
