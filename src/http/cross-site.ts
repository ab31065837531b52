/**
 * The cross-site request check (CSRF defence). A browser attaches the session cookie to any
 * request to Rapport, whichever site started it, so a write that arrives with the cookie must
 * come from Rapport's own pages. Browsers say where a request comes from in `Origin` (always on
 * POST/PUT/PATCH/DELETE and on WebSocket handshakes) and `Sec-Fetch-Site`; a request with
 * neither is not from a browser's page (curl, a script) and carries no ambient authority.
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { problem } from '../errors/index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route is meant to be called from other sites and is not authenticated by the session
     * cookie: providers' webhooks (signed bodies), the chat widget's visitor socket.
     */
    crossSite?: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether `origin` is one of Rapport's own (see the settings RAPPORT_PUBLIC_URL and RAPPORT_ALLOWED_ORIGINS). */
export function isOwnOrigin(config: Pick<Config, 'allowedOrigins' | 'sameHostOrigin'>, origin: string, request: Pick<FastifyRequest, 'protocol' | 'headers'>): boolean {
  const o = origin.toLowerCase();
  if (config.allowedOrigins.includes(o)) return true;
  // Without a configured public URL, the page's origin must be the host the browser sent this request to.
  return config.sameHostOrigin && !!request.headers.host && o === `${request.protocol}://${request.headers.host.toLowerCase()}`;
}

/**
 * Throws 403 when a browser request from another site would act with the user's cookie: an
 * unsafe method, or a WebSocket handshake (which browsers never limit by origin). Requests that
 * carry a Bearer token are exempt (a page on another site cannot add that header without a CORS
 * preflight, which Rapport never grants), and so are routes marked `config: { crossSite: true }`.
 */
export function refuseCrossSite(config: Config, request: FastifyRequest): void {
  const upgrade = request.method === 'GET' && request.headers.upgrade?.toLowerCase() === 'websocket';
  if (!unsafeMethods.has(request.method) && !upgrade) return;
  if (request.headers.authorization?.startsWith('Bearer ')) return;
  if (request.routeOptions.config?.crossSite) return;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (isOwnOrigin(config, origin, request)) return;
    throw problem(403, `Requests from ${origin === 'null' ? 'an opaque origin' : origin} may not act with a Rapport session; use an API token for integrations.`);
  }
  const site = request.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return;
  throw problem(403, 'Requests from other sites may not act with a Rapport session; use an API token for integrations.');
}
