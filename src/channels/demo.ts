/**
 * The channels' part of the demo data: support@example.com routed to the EMEA team (mail sent to
 * the demo's SMTP port opens tickets there), a chat widget with the key `demo` for the example
 * page, and the messaging channels routed to a team.
 */
import type { AppContext } from '../http/index.js';
import { listTeams } from '../users/index.js';
import { createWidget, widgetByKey } from './chat/store.js';
import { setChannelRoute } from './routing.js';
import { createMailbox, mailboxByAddress } from './email/store.js';

/** Seeds the demo channels (idempotent: safe on a database that already has them). */
export async function seedChannelsDemo(ctx: AppContext): Promise<void> {
  const teams = (await listTeams(ctx.db)).map((t) => t.team);
  const emea = teams.find((t) => t.name === 'EMEA') ?? teams[0];
  const apac = teams.find((t) => t.name === 'APAC') ?? emea;
  if (!emea) return;
  if (!(await mailboxByAddress(ctx.db, 'support@example.com'))) {
    await createMailbox(ctx.db, { address: 'support@example.com', name: 'Rapport Support', teamId: emea.id });
  }
  if (!(await widgetByKey(ctx.db, 'demo'))) {
    await createWidget(ctx.db, { name: 'Website chat', key: 'demo', teamId: emea.id, defaultLanguage: 'en' });
  }
  for (const channel of ['whatsapp', 'sms', 'phone', 'chat', 'portal']) await setChannelRoute(ctx.db, channel, emea.id);
  await setChannelRoute(ctx.db, 'telegram', apac.id);
}
