/**
 * Extra columns of the ticket queue. A capability adds its column with one line in `app/plugins.ts`, e.g. the
 * SLA state and time left; the queue table renders them after its own columns, in `order`.
 * The cell receives every ticket on screen too, so it can fetch data for the page in one batch.
 */
import type { ComponentType } from 'react';
import type { TicketSummary } from '../api/types';

export interface QueueColumnProps {
  ticket: TicketSummary;
  /** All tickets currently shown, for batched lookups. */
  tickets: TicketSummary[];
}

export interface QueueColumn {
  id: string;
  order: number;
  /** Message id of the header. */
  label: string;
  width: number;
  component: ComponentType<QueueColumnProps>;
}

/** Filled by the web app's composition root (`app/plugins.ts`). */
export const queueColumns: QueueColumn[] = [];

/** The extra columns in display order. */
export function activeQueueColumns(): QueueColumn[] {
  return [...queueColumns].sort((a, b) => a.order - b.order);
}
