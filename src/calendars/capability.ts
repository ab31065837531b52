/** Business calendars as a shared service: their endpoints (SLA, patience and chat hours read them). */
import type { Capability } from '../http/index.js';
import calendarRoutes from './routes.js';

export const calendarsCapability: Capability = { name: 'calendars', routes: calendarRoutes };
