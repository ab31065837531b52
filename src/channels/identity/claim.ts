/**
 * When a customer names an address or number that already belongs to another contact, we do not
 * believe it (anyone can type anyone's email, or forward anyone's contact card): we tell the
 * agent on the case instead, who can merge the contacts when sure.
 */
import { isUniqueViolation } from '../../db/index.js';
import type { AppContext } from '../../http/index.js';
import { addMessage } from '../../tickets/index.js';

/**
 * An internal event on a case: the customer claims an address or number that belongs to another
 * contact. Written once per case, claim and source (the channel's `key`).
 */
export async function noteIdentityClaim(
  ctx: Pick<AppContext, 'db' | 'realtime' | 'registry'>,
  ticketId: string,
  claim: { channel: string; claimed: string; contactId: string; contactName: string | null; key: string },
): Promise<void> {
  const ofWhom = claim.contactName ?? 'another contact';
  await addMessage({ db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel: claim.channel }, ticketId, {
    kind: 'event', direction: 'internal', channel: 'internal', author: { name: 'Rapport' },
    externalId: `identity-claim:${ticketId}:${claim.key}:${claim.claimed}`,
    bodyText: `The customer gave ${claim.claimed}, which belongs to ${ofWhom}. That is not proof it is them; merge the contacts only if you are sure.`,
    metadata: { event: 'identity_claim', channel: claim.channel, claimed: claim.claimed, contactId: claim.contactId, contactName: claim.contactName },
  }).catch((err: unknown) => {
    if (!isUniqueViolation(err)) throw err;
  });
}
