import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import type { JobRunner } from '../jobs/queue.js';
import type { Actor } from '../policies/index.js';
import type { RealtimeHub } from '../realtime/hub.js';

/** What every capability gets at start-up: the database, settings, jobs and realtime hub. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  jobs: JobRunner;
  realtime: RealtimeHub;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
