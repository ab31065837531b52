/** Organisations, sites, contacts, contracts and assets: the customer 360. */
import type { Capability } from '../http/index.js';
import customerRoutes from './routes.js';

export const customersCapability: Capability = { name: 'customers', routes: customerRoutes };
