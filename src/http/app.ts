import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDatabaseUnavailable, ping } from '../db/index.js';
import { containsNul, storable } from '../db/index.js';
import type { App, AppContext } from './context.js';
import type { Actor } from '../policies/index.js';
import { Problem, problem } from '../errors/index.js';
import { refuseCrossSite } from './cross-site.js';
import { helmetOptions } from './security-headers.js';

// The built web app, dist/web: two folders up from src/http when run from source, one level
// beside dist/server when run compiled.
const webRoot = [new URL('../../dist/web', import.meta.url), new URL('../../web', import.meta.url)].map((u) => fileURLToPath(u)).find((p) => existsSync(p)) ?? fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface AppOptions {
  logger?: boolean | object;
  /** Name of the session cookie, for the OpenAPI document. */
  sessionCookie: string;
  /** Who is calling: from a bearer token or the session cookie (the users capability answers). */
  authenticate: (credentials: { bearer?: string; cookie?: string }) => Promise<Actor | null>;
  /** Every route plugin, in order: the composition root passes each capability's. */
  routes: ((app: App) => Promise<void>)[];
}

/**
 * Builds the HTTP application: REST API, OpenAPI document, WebSocket, and the web app's files.
 * Nothing here listens; `main.ts` and the tests decide where it runs. Nothing here knows a
 * capability: routes and authentication come in through `options` from `src/server.ts`.
 */
export async function buildApp(ctx: AppContext, options: AppOptions): Promise<App> {
  const sessionCookie = options.sessionCookie;
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    // Only the proxies RAPPORT_TRUST_PROXY names: believing every X-Forwarded-For would let any
    // client choose its own address (and escape the per-address sign-in limit).
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: 25 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  app.decorateRequest('actor', null);

  await app.register(fastifyHelmet, helmetOptions(ctx.config));
  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, { options: { maxPayload: 1024 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: '1.0.0',
        description: 'The REST API of Rapport, the help desk that adapts to each customer\'s culture. The web app uses this same API.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    // Collects the schemas named with `.meta({ id })` into components, so `$ref`s resolve.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    // U+0000 cannot reach PostgreSQL (see db/storable.ts). In the query, the path or the session
    // cookie it is part of an identifier or a search, never text to keep: refused before any
    // lookup (the sign-in below included) can fail on it with a 500.
    if (containsNul(request.query) || containsNul(request.params) || containsNul(request.cookies[sessionCookie] ?? '')) {
      throw problem(400, 'The address or a parameter contains a NUL character (%00), which is not allowed.');
    }
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = request.cookies[sessionCookie];
    const query = request.query as Record<string, unknown> | undefined;
    // A token in a URL ends up in access logs, proxies and browser history: refused outright,
    // so an integration that sends one learns it at once rather than from a puzzling 401.
    if (query?.token !== undefined || query?.access_token !== undefined) {
      throw problem(400, 'Send API tokens in the `Authorization: Bearer …` header, never in the URL.');
    }
    refuseCrossSite(ctx.config, request);
    if (bearer || cookie) {
      request.actor = await options.authenticate({ bearer, cookie });
    }
  });

  // Text in a body (a reply, a name, a webhook's message) is what someone wrote: U+0000 and lone
  // surrogates are cleaned out and the rest is kept, on every route, before validation sees it.
  // Webhook signatures are checked on the raw bytes (`request.rawBody`), so they still match.
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && request.body !== null) request.body = storable(request.body);
  });

  app.setErrorHandler((error, request, reply) => {
    let status = 500;
    let body: Record<string, unknown>;
    if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      const errors = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'is invalid',
      }));
      body = { title: 'Bad request', detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors };
    } else if (error instanceof Problem) {
      status = error.status;
      body = { title: error.title, detail: error.detail, ...error.extra };
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      body = { title: 'Internal error', detail: 'The server produced an invalid response.' };
    } else if ((error as { statusCode?: number }).statusCode && (error as { statusCode: number }).statusCode < 500) {
      status = (error as { statusCode: number }).statusCode;
      body = { title: status === 429 ? 'Too many requests' : 'Bad request', detail: (error as Error).message };
    } else if (isDatabaseUnavailable(error)) {
      // PostgreSQL restarting or out of reach: the same request may well succeed in a moment.
      request.log.warn({ err: (error as Error).message }, 'database unavailable');
      status = 503;
      reply.header('retry-after', '1');
      body = { title: 'Service unavailable', detail: 'The database is unavailable for a moment; please try again.' };
    } else {
      request.log.error({ err: error }, 'request failed');
      body = { title: 'Internal error', detail: 'Something went wrong on our side; it has been logged.' };
    }
    reply
      .status(status)
      .type('application/problem+json')
      .send({ type: 'about:blank', status, ...body, instance: request.url.split('?')[0] });
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !existsSync(webRoot)) {
      reply.status(404).type('application/problem+json').send({
        type: 'about:blank', status: 404, title: 'Not found', detail: `No route for ${request.method} ${request.url.split('?')[0]}.`,
      });
      return;
    }
    // The web app routes on the client: every other path serves its index page.
    reply.sendFile('index.html');
  });

  app.get('/api/health', { schema: { hide: true } }, async () => {
    await ping(ctx.db);
    return { status: 'ok', database: ctx.database.kind };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const routes of options.routes) await app.register(routes);

  if (existsSync(webRoot)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: ['index.html'],
      cacheControl: false,
      // @fastify/static 10 passes the Fastify reply here. Vite fingerprints asset names: they never
      // change, so browsers may keep them for a year; index.html must always be revalidated.
      setHeaders: (reply: unknown, path: string) => {
        (reply as { header: (k: string, v: string) => void }).header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}

/**
 * RAPPORT_TRUST_PROXY for Fastify. Addresses pass through; a hop count becomes the function
 * proxy-addr used to build for one (trust that many hops nearest to us), because Fastify 5.12
 * turns a plain number into "trust nothing".
 */
function trustProxyOption(setting: AppContext['config']['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}
