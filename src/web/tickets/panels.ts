/**
 * Side panels on the agent's ticket page, stacked under the ticket's properties in `order`.
 * Another capability adds its panel with one line here, e.g.
 *   { id: 'culture', order: 50, component: lazy(() => import('../pages/culture/culture-card')) },
 * The component receives the ticket and renders a `<TicketPanelCard>` (or anything it likes).
 */
import { lazy, type ComponentType } from 'react';
import type { Role, Ticket } from '../api/types';

export interface TicketPanelProps {
  ticket: Ticket;
}

export interface TicketPanel {
  id: string;
  /** Ascending; the customer panel is 100 and links 300, so 1–99 sits above the customer. */
  order: number;
  component: ComponentType<TicketPanelProps>;
  /** Who sees the panel; omitted means every staff user. */
  roles?: readonly Role[];
}

export const ticketPanels: TicketPanel[] = [
  { id: 'culture', order: 15, component: lazy(() => import('../pages/culture/culture-card')) },
  { id: 'sla', order: 20, component: lazy(() => import('../pages/sla/sla-panel')) },
  { id: 'patience', order: 30, component: lazy(() => import('../pages/sla/patience-panel')) },
  { id: 'promises', order: 40, component: lazy(() => import('../pages/sla/promises-panel')) },
  { id: 'customer', order: 100, component: lazy(() => import('../pages/tickets/panels/customer-panel')) },
  { id: 'channels', order: 110, component: lazy(() => import('../pages/channels/channels-panel')) },
  { id: 'links', order: 300, component: lazy(() => import('../pages/tickets/panels/links-panel')) },
];

/** The panels a user sees on a ticket, in display order. */
export function panelsFor(role: Role): TicketPanel[] {
  return ticketPanels.filter((p) => !p.roles || p.roles.includes(role)).sort((a, b) => a.order - b.order);
}
