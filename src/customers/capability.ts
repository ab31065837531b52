/** Organisations, sites, contacts, contracts and assets: the customer 360. */
import type { Capability } from '../http/index.js';
import { personalDataSources } from '../privacy/index.js';
import { contactDataSource } from './personal-data.js';
import customerRoutes from './routes.js';

export const customersCapability: Capability = {
  name: 'customers',
  routes: customerRoutes,
  register(ctx) {
    ctx.registry.add(personalDataSources, 'customers', contactDataSource);
  },
  // A contract's hold on its business calendar is wired in src/capabilities.ts: registering it
  // here would make customers import calendars, which imports culture, which imports customers.
};
