/**
 * Proof that a chat visitor owns the email address they typed. Typing a known address is not
 * proof: anyone can type anyone's. So the chat is joined to that address's contact (their open
 * cases, their history, where agent replies go) only after the visitor opens a link we sent to
 * the address. Until then the chat keeps its own contact and the agent is told of the claim.
 */
import { randomBytes } from 'node:crypto';
import { getContact } from '../../customers/index.js';
import type { AppContext } from '../../http/index.js';
import { updateTicket } from '../../tickets/index.js';
import { transportFor } from '../email/driver.js';
import { outboundStrings } from '../email/outbound-strings.js';
import { senderFor } from '../email/store.js';
import { noteIdentityClaim } from '../identity/claim.js';
import { linkIdentity } from '../identity/commands.js';
import { contactOwning } from '../identity/store.js';
import { channelSettings } from '../settings.js';
import { publishChatEvent } from './fanout.js';
import { getWidget, hashSecret, sessionByProofToken, updateSession, type SessionRow } from './store.js';

export const PROOF_MINUTES = 30;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));

/**
 * Sends the proof link to the session's email. 'unavailable' when outbound email is not set up
 * (the chat then stays unjoined; the agent can still merge by hand).
 */
export async function sendEmailProof(ctx: AppContext, session: SessionRow): Promise<'sent' | 'unavailable'> {
  const settings = channelSettings(ctx.config);
  if (!session.email || !settings.smtpUrl) return 'unavailable';
  const widget = await getWidget(ctx.db, session.widgetId);
  const from = await senderFor(ctx.db, widget?.teamId ?? null, null, settings.mailFrom);
  if (!from) return 'unavailable';
  const token = randomBytes(32).toString('base64url');
  await updateSession(ctx.db, session.id, { verifyTokenHash: hashSecret(token), verifyExpiresAt: new Date(Date.now() + PROOF_MINUTES * 60_000) });
  const strings = outboundStrings(session.language);
  const link = `${ctx.config.publicUrl.replace(/\/+$/, '')}/api/v1/chat/verify/${token}`;
  await transportFor(ctx, settings.smtpUrl).sendMail({
    from: { address: from.address, name: from.name },
    to: session.email,
    subject: strings.proofSubject,
    text: fill(strings.proofBody, { link, minutes: PROOF_MINUTES }),
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  return 'sent';
}

/**
 * Tells the agent, on the chat's case, that the visitor claims an address another contact owns.
 * Written once per claimed address and case.
 */
export async function noteEmailClaim(ctx: AppContext, session: SessionRow): Promise<void> {
  if (!session.ticketId || !session.email || session.emailVerifiedAt) return;
  const owner = await contactOwning(ctx.db, 'email', session.email);
  if (!owner || owner === session.contactId) return;
  const contact = await getContact(ctx.db, owner);
  await noteIdentityClaim(ctx, session.ticketId, { channel: 'chat', claimed: session.email, contactId: owner, contactName: contact?.name ?? null, key: session.id });
}

/** Joins the chat to the contact who owns the (now proven) address, or gives its contact the address. */
async function joinByEmail(ctx: AppContext, session: SessionRow): Promise<SessionRow> {
  const address = session.email!;
  const owner = await contactOwning(ctx.db, 'email', address);
  let contactId = session.contactId;
  await ctx.db.transaction(async (tx) => {
    if (owner && owner !== session.contactId) {
      contactId = owner;
      await linkIdentity(tx, owner, { kind: 'chat', value: session.id, channel: 'chat' });
    } else if (session.contactId) {
      await linkIdentity(tx, session.contactId, { kind: 'email', value: address, channel: 'chat' });
    }
  });
  if (session.ticketId && contactId && contactId !== session.contactId) {
    await updateTicket({ db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel: 'chat' }, session.ticketId, { contactId }, { summary: 'chat visitor proved their email address' });
  }
  return (await updateSession(ctx.db, session.id, { contactId })) ?? session;
}

/** Opens a proof link: marks the address proven (once) and joins the chat. Null when the link is unknown or expired. */
export async function confirmEmailProof(ctx: AppContext, token: string): Promise<SessionRow | null> {
  const found = await sessionByProofToken(ctx.db, token);
  if (!found?.email) return null;
  const proven = await updateSession(ctx.db, found.id, { emailVerifiedAt: new Date(), verifyTokenHash: null, verifyExpiresAt: null });
  if (!proven) return null;
  const joined = await joinByEmail(ctx, proven);
  await publishChatEvent(ctx, { sessionId: joined.id, event: { type: 'verified', email: joined.email } });
  return joined;
}

/** The chat identity a message arrives under: the proven email, else the session itself. */
export function chatIdentity(session: SessionRow) {
  return session.email && session.emailVerifiedAt
    ? { kind: 'email' as const, value: session.email, name: session.name, language: session.language }
    : // The typed address rides along as the label, so the agent sees it — marked unconfirmed.
      { kind: 'chat' as const, value: session.id, name: session.name ?? 'Chat visitor', label: session.email, language: session.language };
}
