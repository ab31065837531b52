/**
 * Body parsers for the provider webhooks, scoped to the channels' routes (Fastify encapsulates
 * content-type parsers per plugin). Signatures are computed over the exact bytes received, so the
 * raw body is kept next to the parsed one; Twilio posts form-encoded bodies, which Fastify does
 * not parse by itself.
 */
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

/** Parses `a=1&b=2&b=3` into `{ a: '1', b: ['2', '3'] }` (repeated keys kept, as Twilio's signing needs). */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Registers JSON and form parsers that keep the raw bytes on `request.rawBody`. */
export function registerRawBodyParsers(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    request.rawBody = body;
    if (body.length === 0) return done(null, {});
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(Object.assign(new Error('The body is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    request.rawBody = body;
    done(null, parseForm(body.toString('utf8')));
  });
}
