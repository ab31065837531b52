/**
 * What one app's channels hold in this process: visitors' chat sockets, pooled SMTP transports
 * and the port the SMTP receiver listens on. It lives in the app's registry, so two apps in one
 * process (tests, tools) never deliver to each other's sockets or close each other's transports.
 */
import { extensionPoint, type Registry } from '../http/index.js';
import type { MailTransport } from './email/sender.js';

export type ChatSend = (event: Record<string, unknown>) => void;

export interface ChannelsNodeState {
  chatSockets: Map<string, Set<ChatSend>>;
  transports: Map<string, MailTransport>;
  smtpListening: { port: number } | null;
}

const nodeStatePoint = extensionPoint<ChannelsNodeState>('channels.node-state');

/** This app's channel state, created on first use. */
export function nodeState(ctx: { registry: Registry }): ChannelsNodeState {
  let state = ctx.registry.get(nodeStatePoint, 'state');
  if (!state) {
    state = { chatSockets: new Map(), transports: new Map(), smtpListening: null };
    ctx.registry.add(nodeStatePoint, 'state', state);
  }
  return state;
}
