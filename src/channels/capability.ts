/**
 * The channels capability at start-up: the ticket hook that records and delivers, one driver per
 * outbound channel, the delivery and IMAP jobs, the chat fan-out between nodes, and the demo
 * mailbox. The SMTP listener is started from main.ts (see email/listener.ts).
 */
import type { AppContext, Capability } from '../http/index.js';
import { registerRecurring } from '../jobs/index.js';
import { resealColumn } from '../secrets/index.js';
import { emailMailboxes } from './schema.js';
import { ticketHooks, ticketRouters } from '../tickets/index.js';
import { startChatFanout } from './chat/fanout.js';
import { chatDriver } from './chat/driver.js';
import { deliverOutbound } from './conversation/deliver.js';
import { channelDrivers } from './conversation/drivers.js';
import { channelsTicketHook, DELIVER_JOB } from './conversation/hooks.js';
import { seedChannelsDemo } from './demo.js';
import { closeTransports, emailDriver } from './email/driver.js';
import { IMAP_POLL_JOB, pollAllMailboxes } from './email/jobs.js';
import { personalDataSources } from '../privacy/index.js';
import { channelDataSource } from './personal-data.js';
import channelRoutes from './routes.js';
import { teamForChannel } from './routing.js';
import { channelSettings } from './settings.js';
import { smsDriver } from './sms/driver.js';
import { telegramDriver } from './telegram/driver.js';
import { whatsappDriver } from './whatsapp/driver.js';

function register(ctx: AppContext): void {
  channelSettings(ctx.config); // validates the settings: a typo fails the start
  for (const driver of [emailDriver(), whatsappDriver(), telegramDriver(), smsDriver(), chatDriver()]) ctx.registry.add(channelDrivers, driver.channel, driver);
  ctx.registry.add(ticketHooks, 'channels', channelsTicketHook(ctx));
  ctx.registry.add(personalDataSources, 'channels', channelDataSource);
  ctx.registry.add(ticketRouters, 'channels', (db, facts) => teamForChannel(db, facts.channel));
  ctx.jobs.register(DELIVER_JOB, (payload: { id: string }, job) => deliverOutbound(ctx, payload.id, job.attempt));
}

async function start(ctx: AppContext): Promise<() => Promise<void>> {
  // IMAP passwords stored in plain text before sealing existed, or under a key being rotated out.
  await resealColumn(ctx.db, ctx.secrets, emailMailboxes, emailMailboxes.id, emailMailboxes.imapPassword);
  const settings = channelSettings(ctx.config);
  await registerRecurring(ctx.jobs, ctx.db, IMAP_POLL_JOB, settings.imapPollSeconds, () => pollAllMailboxes(ctx));
  const stopFanout = await startChatFanout(ctx);
  return async () => {
    await stopFanout();
    closeTransports(ctx);
  };
}

export const channelsCapability: Capability = { name: 'channels', routes: channelRoutes, register, start, seedDemo: seedChannelsDemo };
