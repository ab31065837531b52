import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { SecretBox } from '../secrets/index.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/index.js';
import type { JobRunner } from '../jobs/index.js';
import type { Actor } from '../policies/index.js';
import type { RealtimeHub } from '../realtime/index.js';
import type { Registry } from './registry.js';

/** What every capability gets at start-up: the database, settings, jobs and realtime hub. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  jobs: JobRunner;
  realtime: RealtimeHub;
  /** This app's extension points (ticket hooks, channel drivers …), filled by the composition root. */
  registry: Registry;
  /** Seals and opens secrets kept in the database (IMAP passwords, webhook signing keys). */
  secrets: SecretBox;
}

/**
 * One capability as the composition root sees it. `register` fills extension points and job
 * handlers (synchronous wiring, no I/O); `routes` are its HTTP endpoints; `start` runs after
 * migrations and may return a function that stops what it started; `seedDemo` runs once on the
 * first start with demo data, after the core demo data exists.
 */
export interface Capability {
  name: string;
  register?: (ctx: AppContext) => void;
  routes?: (app: App) => Promise<void>;
  start?: (ctx: AppContext) => Promise<void | (() => Promise<void>)>;
  seedDemo?: (ctx: AppContext) => Promise<void>;
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
