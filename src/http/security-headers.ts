/**
 * The security headers of every response (through @fastify/helmet): a Content-Security-Policy
 * that lets only Rapport's own script files run (no inline script, no eval), no framing by other
 * sites, nosniff, a same-origin Referrer-Policy, and HSTS when Rapport is served over https.
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { Config } from '../config.js';

/** The policy of the web app, the API and Swagger UI. */
export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Mantine and Swagger UI set styles at run time (style elements and attributes), and so do
    // the emails agents read. Inline style cannot run code, unlike inline script.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Remote images in emails load only when the agent asks for them (see email-html.ts).
    'img-src': ["'self'", 'data:', 'blob:', 'https:', ...(https ? [] : ['http:'])],
    'font-src': ["'self'", 'data:'],
    // 'self' covers the realtime WebSocket on the same host.
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The @fastify/helmet options for this deployment. */
export function helmetOptions(config: Pick<Config, 'publicUrl'>): FastifyHelmetOptions {
  const https = config.publicUrl.startsWith('https://');
  return {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    frameguard: { action: 'deny' },
    // Only over https: a browser that saw HSTS refuses plain http to the host for its lifetime.
    // Without includeSubDomains, as a help desk often lives on one name of a larger domain.
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    // same-origin keeps ticket URLs from leaking to sites linked in messages, and still sends
    // the Origin header on Rapport's own writes (the cross-site check needs it; no-referrer
    // would turn it into "null").
    referrerPolicy: { policy: 'same-origin' },
    // The widget script sets its own cross-origin policy; everything else is for Rapport's pages.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  };
}

/**
 * The policy of the chat widget's example page: it embeds widget.js (which styles itself inline)
 * and may be framed by the sites the widget is allowed on — any site when the widget lists none.
 */
export function widgetPagePolicy(allowedOrigins: string[] | null): string {
  // Origins only (a listed URL's path could otherwise smuggle `;` and a directive into the header).
  const origins = (allowedOrigins ?? []).flatMap((o) => {
    try {
      const origin = new URL(o).origin;
      return origin === 'null' ? [] : [origin];
    } catch {
      return [];
    }
  });
  const ancestors = allowedOrigins === null ? "'none'" : allowedOrigins.length === 0 ? '*' : origins.length ? origins.join(' ') : "'none'";
  return [
    "default-src 'self'",
    "base-uri 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}
