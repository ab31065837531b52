import { z } from 'zod';
import type { App } from '../http/index.js';
import { requireActor } from '../http/index.js';
import { verifyPassword } from './passwords.js';
import { problem } from '../errors/index.js';
import { rateLimit } from '../http/index.js';
import { createApiToken, createSession, deleteSession, sessionCookie } from './sessions.js';
import { localeSchema, timeZoneSchema } from '../http/index.js';
import { recordAudit } from '../audit/index.js';
import { presentUser, userSchema } from './presenters.js';
import { findUserByEmail, getUser, updateUser } from './store.js';

/** Sign-in with a session cookie, sign-out, the current user, and personal API tokens. */
export default async function authRoutes(app: App) {
  const { db, config } = app.ctx;
  const userOut = z.object({ user: userSchema });

  app.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in', security: [], body: z.object({ email: z.string().email(), password: z.string().min(1) }), response: { 200: userOut } },
  }, async (request, reply) => {
    await rateLimit(db, `login:${request.ip}:${request.body.email.toLowerCase()}`, 10, 300);
    const user = await findUserByEmail(db, request.body.email);
    if (!user || !user.active || !(await verifyPassword(request.body.password, user.passwordHash))) {
      throw problem(401, 'The email or password is not right.');
    }
    const session = await createSession(db, user.id, config.sessionDays);
    reply.setCookie(sessionCookie, session.cookie, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https://'), expires: session.expiresAt,
    });
    const full = (await getUser(db, user.id))!;
    return { user: presentUser(full.user, full.teamIds) };
  });

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (request, reply) => {
    const cookie = request.cookies[sessionCookie];
    if (cookie) await deleteSession(db, cookie);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: userOut } } }, async (request) => {
    const actor = requireActor(request);
    const full = (await getUser(db, actor.userId))!;
    return { user: presentUser(full.user, full.teamIds) };
  });

  app.patch('/api/v1/auth/me', {
    schema: {
      tags: ['auth'], summary: 'Update my preferences',
      body: z.object({ locale: localeSchema.nullable().optional(), name: z.string().min(1).max(200).optional(), timeZone: timeZoneSchema.optional() }),
      response: { 200: userOut },
    },
  }, async (request) => {
    const actor = requireActor(request);
    await db.transaction(async (tx) => {
      await updateUser(tx, actor.userId, request.body);
      await recordAudit(tx, { actorUserId: actor.userId, entity: 'user', entityId: actor.userId, action: 'update_preferences', changes: Object.fromEntries(Object.entries(request.body).map(([k, v]) => [k, { from: null, to: v }])) });
    });
    const full = (await getUser(db, actor.userId))!;
    return { user: presentUser(full.user, full.teamIds) };
  });

  app.post('/api/v1/auth/tokens', {
    schema: { tags: ['auth'], summary: 'Create a personal API token (shown once)', body: z.object({ name: z.string().min(1).max(100) }), response: { 201: z.object({ id: z.string(), token: z.string() }) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const token = await db.transaction(async (tx) => {
      const created = await createApiToken(tx, actor.userId, request.body.name);
      await recordAudit(tx, { actorUserId: actor.userId, entity: 'api_token', entityId: created.id, action: 'create', changes: { name: { from: null, to: request.body.name } } });
      return created;
    });
    return reply.status(201).send(token);
  });
}
