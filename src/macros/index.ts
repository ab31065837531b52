/**
 * The public surface of `macros`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { getMacro, listVisibleMacros } from './store.js';
export { renderMacro, type RenderedMacro } from './render.js';
export type { MacroRow } from './schema.js';
