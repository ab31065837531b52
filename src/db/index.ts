/**
 * The public surface of `db`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { openDatabase, ping, queryRows, type Database, type DatabaseKind, type Db, type DbOrTx, type Tx } from './client.js';
export { DataFolderLockedError } from './folder-lock.js';
export { newId } from './ids.js';
export { isUniqueViolation } from './unique-violation.js';
export { isDatabaseUnavailable } from './unavailable.js';
// Platform tables the kernel shares (jobs, rate limits, settings).
export { jobs, rateLimits, settings } from './schema/platform.js';
export { containsNul, storable, storableText } from './storable.js';
