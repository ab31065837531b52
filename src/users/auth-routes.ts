import { z } from 'zod';
import type { App } from '../http/index.js';
import { requireActor } from '../http/index.js';
import { decodeCursor, iso, pageSchema, paginationQuery, toPage } from '../http/index.js';
import { checkPassword } from './passwords.js';
import { problem } from '../errors/index.js';
import { addressBucket, rateLimitAll, refundHits } from '../http/index.js';
import { changeMyPreferences, issueApiToken, revokeMyApiToken } from './commands.js';
import { createSession, loadActor, deleteSession, listApiTokens, sessionCookie, tokenLifetimeDays, type ApiTokenRow } from './sessions.js';
import { idParams, localeSchema, timeZoneSchema } from '../http/index.js';
import { can, callerPermissions, permissionMapSchema, type Actor } from '../policies/index.js';
import { presentUser, userSchema } from './presenters.js';
import { findUserByEmail, getUser } from './store.js';

/**
 * Sign-in limits, per window of five minutes: failed attempts on one account from anywhere (so
 * rotating addresses does not help), and failed attempts from one address on any accounts (so
 * trying one password on many accounts does not either). Right passwords do not count.
 */
const loginWindowSeconds = 300;
const failuresPerAccount = 10;
const failuresPerAddress = 20;

const tokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string() })
  .meta({ id: 'ApiToken' });
const presentToken = (t: ApiTokenRow) => ({ id: t.id, name: t.name, createdAt: iso(t.createdAt)!, lastUsedAt: iso(t.lastUsedAt), expiresAt: iso(t.expiresAt)! });

/** Sign-in with a session cookie, sign-out, the current user, and personal API tokens. */
export default async function authRoutes(app: App) {
  const { db, config } = app.ctx;
  // The signed-in user and what they may do anywhere: the web app decides with this map (and a
  // record's own `permissions`), never with the role.
  const userOut = z.object({ user: userSchema, permissions: permissionMapSchema });
  const signedIn = async (actor: Actor) => {
    const full = (await getUser(db, actor.userId))!;
    // A customer's personal tokens depend on its own user (`apiTokensAllowed`), so that is the subject.
    return { user: presentUser(full.user, full.teamIds, actor), permissions: callerPermissions(actor, { api_token: { apiTokensAllowed: full.user.apiTokensAllowed }, privacy: { contactId: actor.contactId } }) };
  };
  // Makes the dummy hash of checkPassword now, so the first unknown email is not slower either.
  void checkPassword('', null);

  app.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in', security: [], body: z.object({ email: z.string().email(), password: z.string().min(1) }), response: { 200: userOut } },
  }, async (request, reply) => {
    const email = request.body.email.trim().toLowerCase();
    const keys = [`login:account:${email}`, `login:address:${addressBucket(request.ip)}`];
    await rateLimitAll(db, [{ key: keys[0], max: failuresPerAccount }, { key: keys[1], max: failuresPerAddress }], loginWindowSeconds);
    const user = await findUserByEmail(db, email);
    // The password is checked (or a dummy one, for an unknown email) before anything else is
    // looked at, so a wrong answer takes as long for every kind of account.
    const passwordOk = await checkPassword(request.body.password, user?.passwordHash);
    if (!user || !passwordOk || !user.active) throw problem(401, 'The email or password is not right.');
    await refundHits(db, keys);
    const session = await createSession(db, user.id, config.sessionDays);
    reply.setCookie(sessionCookie, session.cookie, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https://'), expires: session.expiresAt,
    });
    return signedIn((await loadActor(db, user.id))!);
  });

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (request, reply) => {
    const cookie = request.cookies[sessionCookie];
    if (cookie) await deleteSession(db, cookie);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: userOut } } }, async (request) => {
    return signedIn(requireActor(request));
  });

  app.patch('/api/v1/auth/me', {
    schema: {
      tags: ['auth'], summary: 'Update my preferences',
      body: z.object({ locale: localeSchema.nullable().optional(), name: z.string().min(1).max(200).optional(), timeZone: timeZoneSchema.optional() }),
      response: { 200: userOut },
    },
  }, async (request) => {
    const actor = requireActor(request);
    await changeMyPreferences({ db, actorUserId: actor.userId }, request.body);
    return signedIn(actor);
  });

  app.get('/api/v1/auth/tokens', {
    schema: { tags: ['auth'], summary: 'My personal API tokens, newest first', querystring: z.object(paginationQuery), response: { 200: pageSchema(tokenSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { limit, cursor } = request.query;
    const rows = await listApiTokens(db, actor.userId, limit, decodeCursor(cursor, 2) as [string, string] | undefined);
    const page = toPage(rows, limit, (t) => [t.createdAt.toISOString(), t.id]);
    return { items: page.items.map(presentToken), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/auth/tokens', {
    schema: {
      tags: ['auth'],
      summary: 'Create a personal API token (shown once)',
      description: `Expires at \`expiresAt\` (default ${tokenLifetimeDays.default} days from now, at most ${tokenLifetimeDays.max}). Customer users may create one only when an admin allowed it (\`apiTokensAllowed\`).`,
      body: z.object({ name: z.string().min(1).max(100), expiresAt: z.iso.datetime({ offset: true }).optional() }),
      response: { 201: z.object({ id: z.string(), token: z.string(), expiresAt: z.string() }) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const owner = (await getUser(db, actor.userId))!.user;
    if (!can(actor, 'create', 'api_token', { apiTokensAllowed: owner.apiTokensAllowed })) {
      throw problem(403, 'An admin has not allowed API tokens for your account.');
    }
    const now = Date.now();
    const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : new Date(now + tokenLifetimeDays.default * 86_400_000);
    if (expiresAt.getTime() <= now || expiresAt.getTime() > now + tokenLifetimeDays.max * 86_400_000) {
      throw problem(400, `expiresAt must be in the future and at most ${tokenLifetimeDays.max} days away.`, { errors: [{ path: 'body.expiresAt', message: `must be within ${tokenLifetimeDays.max} days from now` }] });
    }
    const token = await issueApiToken({ db, actorUserId: actor.userId }, request.body.name, expiresAt);
    return reply.status(201).send({ id: token.id, token: token.token, expiresAt: token.expiresAt.toISOString() });
  });

  app.delete('/api/v1/auth/tokens/:id', {
    schema: { tags: ['auth'], summary: 'Revoke one of my personal API tokens', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await revokeMyApiToken({ db, actorUserId: actor.userId }, request.params.id);
    return reply.status(204).send();
  });
}
