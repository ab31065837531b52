/**
 * The public surface of `realtime`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { RealtimeHub } from './hub.js';
