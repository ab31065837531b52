/**
 * Call events from the telephony system. Ringing: the caller's number is matched to a contact
 * (normalised with libphonenumber) and a screen pop — who it is, their company, their open
 * tickets, or for an unknown number the country it comes from — goes to the agent's browser over
 * the realtime WebSocket. Ended: the call is logged on the customer's case with its duration
 * (continuing their recent open ticket, else opening one), once, however often the event comes.
 */
import type { AppContext } from '../../http/index.js';
import { findContactByPhone, getContact, getOrganisation } from '../../customers/index.js';
import { addMessage, createTicket } from '../../tickets/index.js';
import { getTicket, listTickets } from '../../tickets/index.js';
import { findUserByEmail, getUser } from '../../users/index.js';
import { ingestMessage, recentOpenTicket } from '../conversation/ingest.js';
import { findIdentity, resolveContact } from '../identity/store.js';
import { teamForChannel } from '../routing.js';
import { applyCallEvent, formatDuration, talkSeconds, type CallState } from './call-state.js';
import { normalisePhone, type NormalisedPhone } from './normalise.js';
import { agentForNumber, callByExternalId, ensureCall, updateCall, type CallRow } from './store.js';

export interface CallEventInput {
  event: CallState;
  callId: string;
  from: string;
  to: string;
  direction: 'inbound' | 'outbound';
  at?: Date;
  agentEmail?: string;
  agentId?: string;
  ticketId?: string;
  /** How to read numbers written without a country code (e.g. "PL"). */
  defaultCountry?: string;
}

const OPEN = ['new', 'open', 'pending', 'on_hold'];

/** Reads a number; national notation takes the other party's country when none is given. */
function readNumber(raw: string, other: string, defaultCountry?: string): NormalisedPhone | null {
  return normalisePhone(raw, defaultCountry) ?? normalisePhone(raw, normalisePhone(other)?.country ?? null);
}

async function contactFor(ctx: AppContext, e164: string | null) {
  if (!e164) return null;
  const identity = await findIdentity(ctx.db, 'phone', e164);
  return identity ? getContact(ctx.db, identity.contactId) : findContactByPhone(ctx.db, e164);
}

/** What the agent's screen shows when the phone rings. Small: it travels in a NOTIFY payload. */
async function screenPop(ctx: AppContext, call: CallRow, customer: NormalisedPhone | null, raw: string) {
  const contact = await contactFor(ctx, customer?.e164 ?? null);
  const org = contact?.organisationId ? await getOrganisation(ctx.db, contact.organisationId) : null;
  const open = contact ? await listTickets(ctx.db, { contactId: contact.id, status: OPEN }, 'updated_desc', 5) : [];
  return {
    callId: call.externalId,
    id: call.id,
    state: call.state,
    direction: call.direction,
    number: customer?.e164 ?? raw,
    international: customer?.international ?? raw,
    country: customer?.country ?? null,
    countryCertain: customer?.countryCertain ?? false,
    to: call.toNumber,
    contact: contact
      ? { id: contact.id, name: contact.name, jobTitle: contact.jobTitle, preferredChannel: contact.preferredChannel, organisation: org ? { id: org.id, name: org.name } : null }
      : null,
    openTickets: open.slice(0, 5).map((t) => ({ id: t.id, number: t.number, subject: t.subject.slice(0, 100), status: t.status, priority: t.priority })),
  };
}

async function agentOf(ctx: AppContext, input: CallEventInput, reporterUserId: string): Promise<string | null> {
  if (input.agentId) return (await getUser(ctx.db, input.agentId))?.user.id ?? null;
  if (input.agentEmail) return (await findUserByEmail(ctx.db, input.agentEmail))?.id ?? null;
  return input.event === 'answered' ? reporterUserId : null;
}

/** Writes the call on the customer's case (once) and returns the ticket id. */
async function logCall(ctx: AppContext, call: CallRow, customer: NormalisedPhone | null): Promise<string | null> {
  if (call.loggedMessageId || !customer) return call.ticketId;
  const seconds = call.durationSeconds ?? 0;
  const agentName = call.agentUserId ? (await getUser(ctx.db, call.agentUserId))?.user.name : null;
  const where = customer.international;
  const answered = !!call.answeredAt;
  const bodyText =
    call.direction === 'inbound'
      ? answered
        ? `Phone call from ${where}${agentName ? `, answered by ${agentName}` : ''} — ${formatDuration(seconds)}`
        : `Missed call from ${where}`
      : answered
        ? `Phone call to ${where}${agentName ? ` by ${agentName}` : ''} — ${formatDuration(seconds)}`
        : `Unanswered call to ${where}${agentName ? ` by ${agentName}` : ''}`;
  const metadata = {
    call: {
      id: call.id, callId: call.externalId, direction: call.direction, from: call.fromNumber, to: call.toNumber, country: customer.country,
      answered, durationSeconds: seconds, agentUserId: call.agentUserId, ringingAt: call.ringingAt?.toISOString() ?? null, endedAt: call.endedAt?.toISOString() ?? null,
    },
  };
  const linked = call.ticketId && (await getTicket(ctx.db, call.ticketId)) ? call.ticketId : null;

  if (call.direction === 'inbound') {
    const result = await ingestMessage(ctx, {
      channel: 'phone',
      externalId: `call:${call.externalId}`,
      identity: { kind: 'phone', value: customer.e164, country: customer.country },
      subject: answered ? `Phone call from ${where}` : `Missed call from ${where}`,
      bodyText,
      metadata,
      teamId: await teamForChannel(ctx.db, 'phone'),
      placement: linked ? { kind: 'ticket', ticketId: linked } : { kind: 'continue' },
    });
    await updateCall(ctx.db, call.id, { ticketId: result.ticketId, loggedMessageId: result.messageId, contactId: result.contactId });
    return result.ticketId;
  }

  const contact = await ctx.db.transaction((tx) => resolveContact(tx, { kind: 'phone', value: customer.e164, channel: 'phone', country: customer.country }));
  const ticketId = linked ?? (await recentOpenTicket(ctx, contact.contactId));
  const command = { db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: call.agentUserId, actorLabel: 'phone' };
  const message = { kind: 'message' as const, direction: 'outbound' as const, channel: 'phone', author: { userId: call.agentUserId }, bodyText, externalId: `call:${call.externalId}`, metadata };
  const logged = ticketId
    ? { ticketId, messageId: (await addMessage(command, ticketId, message)).message.id }
    : await createTicket(command, { subject: `Phone call to ${where}`, channel: 'phone', contactId: contact.contactId, teamId: await teamForChannel(ctx.db, 'phone'), message }).then((r) => ({
        ticketId: r.ticket.id,
        messageId: r.message?.id ?? null,
      }));
  await updateCall(ctx.db, call.id, { ticketId: logged.ticketId, loggedMessageId: logged.messageId, contactId: contact.contactId });
  return logged.ticketId;
}

/** Applies one call event (see the module comment); returns the call as it now stands. */
export async function handleCallEvent(ctx: AppContext, input: CallEventInput, reporterUserId: string): Promise<CallRow> {
  const at = input.at ?? new Date();
  const inbound = input.direction === 'inbound';
  const customerRaw = inbound ? input.from : input.to;
  const ourRaw = inbound ? input.to : input.from;
  const customer = readNumber(customerRaw, ourRaw, input.defaultCountry);
  const ours = readNumber(ourRaw, customerRaw, input.defaultCountry);

  const existing = await callByExternalId(ctx.db, input.callId);
  const times = applyCallEvent(existing && { state: existing.state, ringingAt: existing.ringingAt, answeredAt: existing.answeredAt, endedAt: existing.endedAt }, input.event, at);
  let call =
    existing ??
    (await ensureCall(ctx.db, {
      externalId: input.callId,
      direction: input.direction,
      fromNumber: inbound ? (customer?.e164 ?? input.from) : (ours?.e164 ?? input.from),
      toNumber: inbound ? (ours?.e164 ?? input.to) : (customer?.e164 ?? input.to),
      fromCountry: customer?.country ?? null,
      contactId: (await contactFor(ctx, customer?.e164 ?? null))?.id ?? null,
      state: times.state,
      ringingAt: times.ringingAt,
      answeredAt: times.answeredAt,
      endedAt: times.endedAt,
    }));
  const agentUserId = (await agentOf(ctx, input, reporterUserId)) ?? call.agentUserId;
  call = await updateCall(ctx.db, call.id, {
    ...times,
    agentUserId,
    ticketId: input.ticketId ?? call.ticketId,
    durationSeconds: times.state === 'ended' ? talkSeconds(times) : null,
  });

  // A call to an agent's direct line pops only on that agent's screen; a hotline pops for all staff.
  const direct = ours ? await agentForNumber(ctx.db, ours.e164) : null;
  const userIds = input.event === 'ringing' ? (direct ? [direct] : undefined) : undefined;
  if (input.event === 'ended') {
    const ticketId = await logCall(ctx, call, customer);
    call = (await callByExternalId(ctx.db, input.callId)) ?? call;
    await ctx.realtime.publish({ type: 'call.ended', data: { callId: call.externalId, id: call.id, ticketId, durationSeconds: call.durationSeconds } }).catch(() => undefined);
  } else {
    const data = await screenPop(ctx, call, customer, customerRaw);
    await ctx.realtime.publish({ type: input.event === 'ringing' ? 'call.ringing' : 'call.answered', data: { ...data, agentUserId }, userIds }).catch(() => undefined);
  }
  return call;
}
