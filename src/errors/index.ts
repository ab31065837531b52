/**
 * The public surface of `errors`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { Problem, notFound, problem } from './problem.js';
