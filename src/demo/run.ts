/** The whole demo: the core data (seed.ts), then what the privacy commands make of it. */
import type { AppContext } from '../http/index.js';
import { seedPrivacyDemo } from './privacy.js';
import { seedDemo as seedCore, type DemoSummary } from './seed.js';

export async function seedDemo(ctx: AppContext, options: { ticketsPerOrganisation?: number; now?: Date } = {}): Promise<DemoSummary> {
  const summary = await seedCore(ctx, options);
  await seedPrivacyDemo(ctx, options.now);
  return summary;
}
