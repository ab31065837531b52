/**
 * The public surface of `patience`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { gatherCaseFacts } from './case-facts.js';
export { makePromise } from './commands.js';
export { listHandoffs, recordHandoff } from './handoff-store.js';
export { scorePatience } from './patience-score.js';
