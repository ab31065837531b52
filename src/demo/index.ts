/**
 * The public surface of `demo`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { demoSignIns, seedDemo, type DemoSummary } from './seed.js';
