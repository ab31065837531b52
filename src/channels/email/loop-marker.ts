/**
 * The X-Loop value this installation stamps on the mail it sends. Mail carrying it that comes
 * back (a customer's forwarding rule pointing at us, two Rapports answering each other) is
 * recognised as our own and never opens a ticket.
 */
export function loopMarker(config: { publicUrl: string }): string {
  let host = 'localhost';
  try {
    host = new URL(config.publicUrl).host;
  } catch {
    // an invalid public URL is reported by the config check; the marker just needs to be stable
  }
  return `rapport@${host}`;
}

/** The domain our Message-IDs use when the sender address gives none. */
export function messageIdDomain(config: { publicUrl: string }, fromAddress?: string | null): string {
  const fromDomain = fromAddress?.split('@')[1];
  if (fromDomain) return fromDomain.toLowerCase();
  try {
    return new URL(config.publicUrl).hostname;
  } catch {
    return 'rapport.invalid';
  }
}
