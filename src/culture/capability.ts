/**
 * The culture engine's endpoints, and a demo override so the UI shows one. Patience reads a
 * contact's expected contacts per case through `contactPolicy` (the public surface).
 */
import type { Capability } from '../http/index.js';
import { personalDataSources } from '../privacy/index.js';
import { cultureDataSource } from './personal-data.js';
import { findContactByEmail } from '../customers/index.js';
import { findUserByEmail } from '../users/index.js';
import cultureRoutes from './routes.js';
import { setOverride } from './commands.js';

export const cultureCapability: Capability = {
  name: 'culture',
  routes: cultureRoutes,
  register(ctx) {
    ctx.registry.add(personalDataSources, 'culture', cultureDataSource);
  },
  async seedDemo(ctx) {
    const emily = await findContactByEmail(ctx.db, 'emily.carter@brightline.example');
    const ada = await findUserByEmail(ctx.db, 'ada@rapport.example');
    if (!emily?.organisationId) return;
    await setOverride(ctx.db, {
      scope: 'organisation', scopeId: emily.organisationId, field: 'channels', value: ['email', 'webchat', 'phone'],
      reason: 'HIPAA: patient data never goes over consumer messaging apps.', actorUserId: ada?.id ?? null,
    });
  },
};
