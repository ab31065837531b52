/**
 * The channels' ticket hook, run inside every ticket transaction:
 *  - an inbound message that came over a channel is recorded in `channel_messages` with its
 *    provider id, atomically with the message itself;
 *  - an agent's reply on a deliverable channel is planned (recipient, threading ids, checks such
 *    as WhatsApp's 24-hour window — a refusal rolls the reply back with the reason) and a
 *    delivery job is enqueued in the same transaction, so a committed reply is always sent and
 *    a rolled-back one never is.
 */
import type { Tx } from '../../db/index.js';
import type { AppContext } from '../../http/index.js';
import { enqueue } from '../../jobs/index.js';
import type { TicketChange } from '../../tickets/index.js';
import type { MessageRow, TicketRow } from '../../tickets/index.js';
import { Problem } from '../../errors/index.js';
import { driverFor, type DeliveryPlan } from './drivers.js';
import { recordChannelMessage } from './store.js';

export const DELIVER_JOB = 'channels.deliver';

/**
 * Messages dated more than this before now are history being imported (demo data, a migration
 * from another help desk), not something to send now.
 */
const BACKDATED_MS = 2 * 60_000;

function via(message: MessageRow): ({ address?: string } & Record<string, unknown>) | null {
  const v = (message.metadata as Record<string, unknown> | null)?.via;
  return v && typeof v === 'object' ? (v as { address?: string }) : null;
}

async function recordInbound(tx: Tx, ticket: TicketRow, message: MessageRow): Promise<void> {
  const v = via(message);
  if (!v || !message.externalId) return;
  await recordChannelMessage(tx, {
    channel: message.channel,
    direction: 'inbound',
    externalId: message.externalId,
    ticketId: ticket.id,
    messageId: message.id,
    contactId: message.authorContactId ?? ticket.contactId,
    address: v.address ?? null,
    status: 'received',
    metadata: { ...v, at: message.createdAt.toISOString() },
  });
}

async function planOutbound(tx: Tx, ctx: AppContext, ticket: TicketRow, message: MessageRow, actorUserId: string | null): Promise<void> {
  const driver = driverFor(ctx, message.channel);
  if (!driver) return; // web, portal, internal: nothing leaves the building
  if (Date.now() - message.createdAt.getTime() > BACKDATED_MS) return;
  let plan: DeliveryPlan;
  try {
    plan = await driver.plan(tx, ctx, ticket, message);
  } catch (err) {
    // An agent is told at once and the reply is not saved. A message written by the system
    // (a survey, a notice) is saved and its failure recorded: there is nobody to tell right now.
    if (actorUserId || !(err instanceof Problem)) throw err;
    await recordChannelMessage(tx, {
      channel: message.channel, direction: 'outbound', externalId: null, ticketId: ticket.id, messageId: message.id,
      contactId: ticket.contactId, address: null, status: 'failed', metadata: { bodyText: message.bodyText, reason: err.detail },
    });
    return;
  }
  const row = await recordChannelMessage(tx, {
    channel: message.channel,
    direction: 'outbound',
    externalId: plan.externalId ?? null,
    ticketId: ticket.id,
    messageId: message.id,
    contactId: ticket.contactId,
    address: plan.address,
    status: 'queued',
    metadata: {
      ...(plan.metadata ?? {}),
      bodyText: message.bodyText,
      bodyHtml: message.bodyHtml,
    },
  });
  if (row) await enqueue(tx, DELIVER_JOB, { id: row.id }, { dedupeKey: `${DELIVER_JOB}:${row.id}`, maxAttempts: 6 });
}

/** Builds the hook for this app (drivers need the app context for settings). */
export function channelsTicketHook(ctx: AppContext) {
  return async (tx: Tx, change: TicketChange): Promise<void> => {
    const message = change.type === 'updated' ? null : change.message;
    if (!message) return;
    if (message.direction === 'inbound') await recordInbound(tx, change.ticket, message);
    else if (message.direction === 'outbound' && message.kind === 'message') await planOutbound(tx, ctx, change.ticket, message, change.actorUserId);
  };
}
