/**
 * The public surface of `tickets`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { needsHandoff } from './handoff-rule.js';
