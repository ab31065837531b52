import type { Database } from '../db/index.js';

export interface RealtimeEvent {
  type: string;
  data: unknown;
  /** Deliver only to these users (e.g. a screen pop for the agent on the call); all staff when absent. */
  userIds?: string[];
  /** The organisation the event is about (a ticket's). */
  organisationId?: string | null;
  /**
   * Deliver to that organisation's customer users too (portal timelines). Only for what a customer
   * may see — a public message, a change to what the portal shows — never a note or an internal
   * event: without it, an event reaches staff only.
   */
  customers?: boolean;
}

type Subscriber = { userId: string; staff: boolean; organisationId: string | null; send: (event: RealtimeEvent) => void };

const channel = 'rapport_events';

/**
 * Fans events out to the browsers connected to this node, and through PostgreSQL
 * LISTEN/NOTIFY to browsers connected to every other node.
 */
export class RealtimeHub {
  private subscribers = new Set<Subscriber>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private database: Database) {}

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(channel, (payload) => {
      try {
        this.deliver(JSON.parse(payload) as RealtimeEvent);
      } catch {
        // A payload we cannot read is not worth crashing a node for.
      }
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }

  /** Publishes to every node (NOTIFY payloads are limited to 8000 bytes: send ids, not documents). */
  async publish(event: RealtimeEvent): Promise<void> {
    await this.database.notify(channel, JSON.stringify(event));
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private deliver(event: RealtimeEvent): void {
    for (const s of this.subscribers) {
      if (event.userIds && !event.userIds.includes(s.userId)) continue;
      if (!s.staff && !(event.customers === true && event.organisationId && event.organisationId === s.organisationId)) continue;
      s.send(event);
    }
  }
}
