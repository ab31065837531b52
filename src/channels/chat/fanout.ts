/**
 * Delivery of chat events to visitors' sockets on every node: a visitor's WebSocket is held by
 * one node, the agent's reply may be saved on another, so events travel through PostgreSQL
 * NOTIFY (as the staff realtime hub does) and each node hands them to the sockets it holds.
 */
import type { AppContext } from '../../http/index.js';

const CHANNEL = 'rapport_chat';

export interface ChatEvent {
  sessionId: string;
  event: Record<string, unknown>;
}

type Send = (event: Record<string, unknown>) => void;

const sockets = new Map<string, Set<Send>>();
const publishers = new WeakMap<object, (e: ChatEvent) => Promise<void>>();

/** Registers a visitor socket of this node; returns its removal. */
export function attachSocket(sessionId: string, send: Send): () => void {
  let set = sockets.get(sessionId);
  if (!set) sockets.set(sessionId, (set = new Set()));
  set.add(send);
  return () => {
    set.delete(send);
    if (set.size === 0) sockets.delete(sessionId);
  };
}

/** Whether this node holds a socket for the session (the others may too). */
export function hasLocalSocket(sessionId: string): boolean {
  return (sockets.get(sessionId)?.size ?? 0) > 0;
}

function deliverLocally(e: ChatEvent): void {
  for (const send of sockets.get(e.sessionId) ?? []) {
    try {
      send(e.event);
    } catch {
      // a socket closing under us is not worth an error
    }
  }
}

/** Starts listening for chat events from every node; returns the stop function. */
export async function startChatFanout(ctx: Pick<AppContext, 'database'>): Promise<() => Promise<void>> {
  const unlisten = await ctx.database.listen(CHANNEL, (payload) => {
    try {
      deliverLocally(JSON.parse(payload) as ChatEvent);
    } catch {
      // unreadable payload: ignore
    }
  });
  publishers.set(ctx.database, (e) => ctx.database.notify(CHANNEL, JSON.stringify(e)));
  return async () => {
    publishers.delete(ctx.database);
    await unlisten();
  };
}

/** Sends an event to a visitor's sockets, wherever they are connected. Keep it small (NOTIFY ≤ 8 kB). */
export async function publishChatEvent(ctx: Pick<AppContext, 'database'>, e: ChatEvent): Promise<void> {
  const publish = publishers.get(ctx.database);
  if (publish) await publish(e);
  else deliverLocally(e);
}
