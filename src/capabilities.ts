import type { AppContext } from './http/context.js';
import { slaCapability } from './sla/capability.js';
import { patienceCapability } from './patience/capability.js';
import { cultureCapability } from './culture/capability.js';
import { channelsCapability } from './channels/capability.js';
import { jobsCapability } from './jobs/capability.js';

/**
 * A capability's start-up work beyond its routes: registering job handlers, starting a listener
 * (the SMTP receiver), seeding its part of the demo data. Add one entry per capability.
 */
export interface Capability {
  name: string;
  /** Runs on every start after migrations; may return a function that stops what it started. */
  start?: (ctx: AppContext) => Promise<void | (() => Promise<void>)>;
  /** Runs once, on the first start with demo data on, after the core demo data exists. */
  seedDemo?: (ctx: AppContext) => Promise<void>;
}

export const capabilities: Capability[] = [slaCapability, patienceCapability, cultureCapability, channelsCapability, jobsCapability];
