/**
 * Items in the agent workspace's top bar, between "New ticket" and the language menu: a
 * capability adds one with a line here (e.g. the notification bell). Each is lazy, so it costs
 * nothing until the shell renders.
 */
import { lazy, type ComponentType } from 'react';

export interface HeaderItem {
  id: string;
  /** Ascending, left to right (right to left in Hebrew). */
  order: number;
  component: ComponentType;
}

export const headerItems: HeaderItem[] = [
  { id: 'notifications', order: 10, component: lazy(() => import('../pages/sla/notification-bell')) },
  { id: 'calls', order: 5, component: lazy(() => import('../pages/channels/call-pop')) },
];

/** The header items in display order. */
export function activeHeaderItems(): HeaderItem[] {
  return [...headerItems].sort((a, b) => a.order - b.order);
}
