/**
 * Delivery of chat events to visitors' sockets on every node: a visitor's WebSocket is held by
 * one node, the agent's reply may be saved on another, so events travel through PostgreSQL
 * NOTIFY (as the staff realtime hub does) and each node hands them to the sockets it holds.
 */
import type { AppContext } from '../../http/index.js';
import { nodeState, type ChatSend } from '../node-state.js';

const CHANNEL = 'rapport_chat';

export interface ChatEvent {
  sessionId: string;
  event: Record<string, unknown>;
}

type NodeCtx = Pick<AppContext, 'registry'>;

const publishers = new WeakMap<object, (e: ChatEvent) => Promise<void>>();

/** Registers a visitor socket of this node; returns its removal. */
export function attachSocket(ctx: NodeCtx, sessionId: string, send: ChatSend): () => void {
  const sockets = nodeState(ctx).chatSockets;
  let set = sockets.get(sessionId);
  if (!set) sockets.set(sessionId, (set = new Set()));
  set.add(send);
  return () => {
    set.delete(send);
    if (set.size === 0) sockets.delete(sessionId);
  };
}

/** Whether this node holds a socket for the session (the others may too). */
export function hasLocalSocket(ctx: NodeCtx, sessionId: string): boolean {
  return (nodeState(ctx).chatSockets.get(sessionId)?.size ?? 0) > 0;
}

function deliverLocally(ctx: NodeCtx, e: ChatEvent): void {
  for (const send of nodeState(ctx).chatSockets.get(e.sessionId) ?? []) {
    try {
      send(e.event);
    } catch {
      // a socket closing under us is not worth an error
    }
  }
}

/** Starts listening for chat events from every node; returns the stop function. */
export async function startChatFanout(ctx: Pick<AppContext, 'database' | 'registry'>): Promise<() => Promise<void>> {
  const unlisten = await ctx.database.listen(CHANNEL, (payload) => {
    try {
      deliverLocally(ctx, JSON.parse(payload) as ChatEvent);
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
export async function publishChatEvent(ctx: Pick<AppContext, 'database' | 'registry'>, e: ChatEvent): Promise<void> {
  const publish = publishers.get(ctx.database);
  if (publish) await publish(e);
  else deliverLocally(ctx, e);
}
