/**
 * The public surface of `http`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { buildApp, type AppOptions } from './app.js';
export { type App, type AppContext, type Capability } from './context.js';
export { decodeCursor, encodeCursor, iso, pageSchema, paginationQuery, toPage } from './pagination.js';
export { rateLimit } from './rate-limit.js';
export { extensionPoint, Registry, type ExtensionPoint } from './registry.js';
export { default as realtimeRoutes } from './realtime-routes.js';
export { requireActor } from './require-actor.js';
export { commaList, countrySchema, dateOnlySchema, e164Schema, idParams, idSchema, localeSchema, timeZoneSchema } from './validation.js';
export { addressBucket, rateLimitAll, refundHits } from './rate-limit.js';
export { widgetPagePolicy } from './security-headers.js';
