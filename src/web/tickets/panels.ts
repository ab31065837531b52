/**
 * Side panels on the agent's ticket page, stacked under the ticket's properties in `order`.
 * Another capability adds its panel with one line in `app/plugins.ts`, e.g.
 *   { id: 'culture', order: 50, component: lazy(() => import('../pages/culture/culture-card')) },
 * The component receives the ticket and renders a `<TicketPanelCard>` (or anything it likes).
 */
import type { ComponentType } from 'react';
import type { Ticket } from '../api/types';
import { meets, type Need, type PermissionCheck } from '../app/use-permission';

export interface TicketPanelProps {
  ticket: Ticket;
}

export interface TicketPanel {
  id: string;
  /** Ascending; the customer panel is 100 and links 300, so 1–99 sits above the customer. */
  order: number;
  component: ComponentType<TicketPanelProps>;
  /** The permission that shows the panel; omitted means every staff user. */
  need?: Need;
}

/** Filled by the web app's composition root (`app/plugins.ts`); the ticket page never imports a capability. */
export const ticketPanels: TicketPanel[] = [];

/** The panels a user sees on a ticket (`check` from `usePermission()`), in display order. */
export function panelsFor(check: PermissionCheck): TicketPanel[] {
  return ticketPanels.filter((p) => meets(check, p.need)).sort((a, b) => a.order - b.order);
}
