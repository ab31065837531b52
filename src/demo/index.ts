/**
 * The public surface of `demo`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { demoSignIns, type DemoSummary } from './seed.js';
export { seedDemo } from './run.js';
