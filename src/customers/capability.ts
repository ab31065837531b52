/** Organisations, sites, contacts, contracts and assets: the customer 360. */
import { calendarUsages } from '../calendars/index.js';
import type { Capability } from '../http/index.js';
import { calendarUsedByContracts } from './contract-lookups.js';
import customerRoutes from './routes.js';

export const customersCapability: Capability = {
  name: 'customers',
  routes: customerRoutes,
  register(ctx) {
    // A contract's SLA counts business time on its calendar: it must move first.
    ctx.registry.add(calendarUsages, 'customers.contracts', {
      blocks: async (db, calendarId) => ((await calendarUsedByContracts(db, calendarId)) ? 'A contract uses this calendar; give the contract another calendar first.' : null),
    });
  },
};
