import type { Actor } from '../policies/index.js';
import { problem } from '../errors/index.js';

/** The signed-in actor, or 401. Every protected route starts with it. */
export function requireActor(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw problem(401, 'Sign in, or send an API token as `Authorization: Bearer …`.');
  return request.actor;
}
