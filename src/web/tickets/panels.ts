/**
 * Side panels on the agent's ticket page, stacked under the ticket's properties in `order`.
 * Another capability adds its panel with one line in `app/plugins.ts`, e.g.
 *   { id: 'culture', order: 50, component: lazy(() => import('../pages/culture/culture-card')) },
 * The component receives the ticket and renders a `<TicketPanelCard>` (or anything it likes).
 */
import type { ComponentType } from 'react';
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

/** Filled by the web app's composition root (`app/plugins.ts`); the ticket page never imports a capability. */
export const ticketPanels: TicketPanel[] = [];

/** The panels a user sees on a ticket, in display order. */
export function panelsFor(role: Role): TicketPanel[] {
  return ticketPanels.filter((p) => !p.roles || p.roles.includes(role)).sort((a, b) => a.order - b.order);
}
