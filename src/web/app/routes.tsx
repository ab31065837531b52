/**
 * Every page of the app. Adding a page is one line in `pageRoutes`: a path, who may open it and
 * a lazy import of the page component (its default export), so each page is its own bundle.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Need } from './use-permission';

export interface PageRoute {
  path: string;
  /** `agent`: the staff workspace; `portal`: customer users; `public`: no sign-in needed. */
  area: 'agent' | 'portal' | 'public';
  /** The permission that opens the page inside the area; omitted means everyone in it. Others get the not-found page. */
  need?: Need;
  component: LazyPage;
}

/** A page's lazy component, with `preload` to start fetching its code before it renders. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

// import() returns the same module promise every time, so preloading and rendering share one fetch.
const page = (load: () => Promise<{ default: ComponentType }>): LazyPage => Object.assign(lazy(load), { preload: load });
// The same permissions as the navigation's items (`nav.ts`), so a link shown is a page that opens.
const administers: Need = ['settings', 'read'];

export const pageRoutes: PageRoute[] = [
  { path: '/sign-in', area: 'public', component: page(() => import('../pages/auth/sign-in-page')) },
  { path: '/views/:view', area: 'agent', component: page(() => import('../pages/tickets/queue-page')) },
  { path: '/tickets/new', area: 'agent', component: page(() => import('../pages/tickets/new-ticket-page')) },
  { path: '/tickets/:id', area: 'agent', component: page(() => import('../pages/tickets/ticket-page')) },
  { path: '/organisations', area: 'agent', component: page(() => import('../pages/customers/organisations-page')) },
  { path: '/organisations/:id', area: 'agent', component: page(() => import('../pages/customers/organisation-page')) },
  { path: '/contacts/:id', area: 'agent', component: page(() => import('../pages/customers/contact-page')) },
  { path: '/admin/users', area: 'agent', need: administers, component: page(() => import('../pages/admin/users-page')) },
  { path: '/admin/teams', area: 'agent', need: ['team', 'create'], component: page(() => import('../pages/admin/teams-page')) },
  { path: '/cultures', area: 'agent', need: ['culture', 'edit'], component: page(() => import('../pages/culture/cultures-page')) },
  { path: '/cultures/:code', area: 'agent', component: page(() => import('../pages/culture/country-page')) },
  { path: '/admin/calendars', area: 'agent', need: administers, component: page(() => import('../pages/sla/calendars-page')) },
  { path: '/admin/sla-policies', area: 'agent', need: administers, component: page(() => import('../pages/sla/policies-page')) },
  { path: '/admin/channels', area: 'agent', need: ['channels', 'read'], component: page(() => import('../pages/channels/channels-page')) },
  { path: '/macros', area: 'agent', need: ['macro', 'list'], component: page(() => import('../pages/macros/macros-page')) },
  { path: '/admin/jobs', area: 'agent', need: ['job', 'list'], component: page(() => import('../pages/admin/jobs-page')) },
  { path: '/admin/privacy', area: 'agent', need: ['privacy', 'log'], component: page(() => import('../pages/privacy/privacy-page')) },
  { path: '/account', area: 'agent', component: page(() => import('../pages/account/account-page')) },
  { path: '/portal', area: 'portal', component: page(() => import('../pages/portal/portal-tickets-page')) },
  { path: '/portal/tickets/new', area: 'portal', component: page(() => import('../pages/portal/portal-new-ticket-page')) },
  { path: '/portal/tickets/:id', area: 'portal', component: page(() => import('../pages/portal/portal-ticket-page')) },
  { path: '/portal/account', area: 'portal', component: page(() => import('../pages/account/account-page')) },
];
