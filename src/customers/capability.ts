/** Organisations, sites, contacts, contracts and assets: the customer 360. */
import type { Capability } from '../http/index.js';
import customerRoutes from './routes.js';

export const customersCapability: Capability = {
  name: 'customers',
  routes: customerRoutes,
  // A contract's hold on its business calendar is wired in src/capabilities.ts: registering it
  // here would make customers import calendars, which imports culture, which imports customers.
};
