/**
 * The culture engine's start-up work: it answers patience's "how many contacts does this
 * customer make per case?" with the contact's effective policy (overrides and observed
 * behaviour included), and seeds a demo override so the UI shows one.
 */
import type { Capability } from '../capabilities.js';
import { findContactByEmail } from '../customers/store.js';
import { setExpectedContactsSource } from '../patience/expected-contacts.js';
import { findUserByEmail } from '../users/store.js';
import { contactPolicy } from './contact-policy.js';
import { setOverride } from './store.js';

export const cultureCapability: Capability = {
  name: 'culture',
  async start() {
    setExpectedContactsSource(async (db, customer) => {
      if (!customer.contactId) return null;
      return (await contactPolicy(db, customer.contactId))?.policy.expectedContacts.value ?? null;
    });
    return async () => setExpectedContactsSource(null);
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
