/**
 * The public surface of `users`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { teams, users } from './schema.js';
export { createTeam, createUser, findUserByEmail, getTeam, getUser, listTeams, listUsers, teamNames, userNames } from './store.js';
export { ensureFirstAdmin } from './commands.js';
export { resolveActor, sessionCookie } from './sessions.js';
