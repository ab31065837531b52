/**
 * The public surface of `audit`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { audited, diff, listAudit, recordAudit, redactAuditOf, type AuditInput } from './audit.js';
