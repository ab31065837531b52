import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ticketKeys } from '../api/tickets';

/** A server push: `{ type: 'ticket.updated' | 'message.created' | 'call.ringing' | …, data }`. */
export interface RealtimeEvent {
  type: string;
  data: unknown;
}

type Handler = (event: RealtimeEvent) => void;
const handlers = new Map<string, Set<Handler>>();

/**
 * Subscribes to one event type (or `*` for all) from the realtime socket, e.g. a screen pop on
 * `call.ringing`. Returns the unsubscribe function, so it fits straight into `useEffect`.
 */
export function subscribeRealtime(type: string, handler: Handler): () => void {
  let set = handlers.get(type);
  if (!set) handlers.set(type, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

function dispatch(event: RealtimeEvent): void {
  handlers.get(event.type)?.forEach((h) => h(event));
  handlers.get('*')?.forEach((h) => h(event));
}

function ticketIdOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as { ticketId?: unknown; id?: unknown };
  const id = typeof record.ticketId === 'string' ? record.ticketId : typeof record.id === 'string' ? record.id : null;
  return id;
}

/**
 * Keeps one WebSocket open while signed in, reconnecting with backoff, and refreshes the
 * affected tickets when the server says they changed — so two agents see each other's work.
 */
export function useRealtime(enabled: boolean): void {
  const client = useQueryClient();

  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket | null = null;
    let retry = 0;
    let timer: number | undefined;
    let closed = false;

    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${window.location.host}/api/v1/realtime`);
      socket.onopen = () => {
        retry = 0;
      };
      socket.onmessage = (message) => {
        try {
          dispatch(JSON.parse(String(message.data)) as RealtimeEvent);
        } catch {
          // A malformed frame is not worth breaking the connection for.
        }
      };
      socket.onclose = () => {
        if (closed) return;
        retry += 1;
        timer = window.setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(retry, 5)));
      };
    };
    connect();

    const offTicket = subscribeRealtime('ticket.updated', (event) => {
      const id = ticketIdOf(event.data);
      if (id) void client.invalidateQueries({ queryKey: ticketKeys.detail(id) });
      void client.invalidateQueries({ queryKey: ticketKeys.lists });
    });
    const offMessage = subscribeRealtime('message.created', (event) => {
      const id = ticketIdOf(event.data);
      if (id) void client.invalidateQueries({ queryKey: ticketKeys.messages(id) });
      void client.invalidateQueries({ queryKey: ticketKeys.lists });
    });

    return () => {
      closed = true;
      window.clearTimeout(timer);
      socket?.close();
      offTicket();
      offMessage();
    };
  }, [enabled, client]);
}
