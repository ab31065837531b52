/**
 * Extra columns of the ticket queue. A capability adds its column with one line here, e.g. the
 * SLA state and time left; the queue table renders them after its own columns, in `order`.
 * The cell receives every ticket on screen too, so it can fetch data for the page in one batch.
 */
import { lazy, type ComponentType } from 'react';
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

export const queueColumns: QueueColumn[] = [
  { id: 'sla', order: 10, label: 'queue.col.sla', width: 160, component: lazy(() => import('../pages/sla/queue-sla-cell')) },
];

/** The extra columns in display order. */
export function activeQueueColumns(): QueueColumn[] {
  return [...queueColumns].sort((a, b) => a.order - b.order);
}
