/**
 * A contact's data as one archive (GDPR art. 15 and 20): `data.json` with every record the sources
 * hold, grouped by source, and the files (attachments) beside it. Built in memory: one person's
 * data is bounded, and a zip of it is what the person is sent.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DbOrTx } from '../db/index.js';
import type { Registry } from '../http/index.js';
import { personalDataSources, type ErasureSubject, type ExportOptions } from './sources.js';

export interface ContactArchive {
  zip: Uint8Array;
  counts: Record<string, number>;
}

/** Keeps archive paths inside the archive and readable on every system. */
export function safeArchivePath(path: string): string {
  return path
    .split('/')
    // Control characters and the characters Windows refuses in file names become "_".
    .map((part) => [...part].map((ch) => (ch.charCodeAt(0) < 0x20 || '<>:"\\|?*'.includes(ch) ? '_' : ch)).join('').replace(/^\.+$/, '_').slice(0, 120) || '_')
    .join('/');
}

export async function buildContactArchive(db: DbOrTx, registry: Registry, subject: ErasureSubject, exportedAt: Date, options: ExportOptions): Promise<ContactArchive> {
  const data: Record<string, unknown> = {};
  const files: Zippable = {};
  const counts: Record<string, number> = {};
  for (const source of registry.list(personalDataSources)) {
    if (!source.export) continue;
    const part = await source.export(db, subject, options);
    for (const [kind, value] of Object.entries(part.records ?? {})) {
      data[kind] = value;
      counts[kind] = Array.isArray(value) ? value.length : 1;
    }
    for (const file of part.files ?? []) {
      // Attachments are mostly compressed already (images, PDFs): stored, not deflated again.
      files[`files/${safeArchivePath(file.path)}`] = [file.content, { level: 0 }];
    }
  }
  counts.files = Object.keys(files).length;
  const document = { exportedAt: exportedAt.toISOString(), contactId: subject.contactId, format: 'rapport-contact-export/1', internalEntries: options.includeInternal, ...data };
  const zip = zipSync({ 'data.json': strToU8(JSON.stringify(document, null, 2)), ...files }, { level: 6, mtime: exportedAt });
  return { zip, counts };
}
