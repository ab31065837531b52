/**
 * The ticket's conversation as the chat visitor sees it: public messages only (never internal
 * notes or system events), whichever channel they went over — the same record the agent sees.
 */
import type { MessageRow } from '../../tickets/index.js';

export interface ChatMessage {
  id: string;
  from: 'visitor' | 'agent';
  author: string;
  text: string;
  channel: string;
  at: string;
  /** Set when the text was cut to fit a realtime event; the widget re-reads the history. */
  truncated?: boolean;
}

/** Longest text sent inside a realtime event (NOTIFY payloads are limited to 8 kB). */
const EVENT_TEXT_LIMIT = 1500;

/** Public messages of a ticket, oldest first, as chat messages. `names` maps user ids to names. */
export function presentChatMessages(rows: MessageRow[], names: Map<string, string> = new Map()): ChatMessage[] {
  return rows
    .filter((m) => m.kind === 'message')
    .map((m) => ({
      id: m.id,
      from: m.direction === 'inbound' ? ('visitor' as const) : ('agent' as const),
      author: (m.authorUserId && names.get(m.authorUserId)) || m.authorName || (m.direction === 'inbound' ? '' : 'Support'),
      text: m.bodyText,
      channel: m.channel,
      at: m.createdAt.toISOString(),
    }));
}

/** A message made small enough for a realtime event. */
export function forEvent(message: ChatMessage): ChatMessage {
  if (message.text.length <= EVENT_TEXT_LIMIT) return message;
  return { ...message, text: message.text.slice(0, EVENT_TEXT_LIMIT), truncated: true };
}
