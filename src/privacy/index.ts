/**
 * The public surface of `privacy`: the only file other folders import. A capability that stores
 * personal data registers a `PersonalDataSource` here; everything else is privacy's own business.
 */
export { personalDataSources, type ErasureSubject, type ExportOptions, type ExportPart, type Identifiers, type PersonalDataSource, type RetentionScope, type SubjectFacts } from './sources.js';
export { nameForms } from './identifiers.js';
export { REDACTED } from './sweep.js';
export { eraseContact, exportContact, requestErasure, setRetentionPolicy } from './commands.js';
export { runRetention } from './retention.js';
export { gatherSubject } from './subject.js';
