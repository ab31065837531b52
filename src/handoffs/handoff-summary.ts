/**
 * Drafts the hand-off summary an agent edits before transferring a case, so the next person
 * (and the customer) never has to tell the story again (seed 004: "tell me the problem, again").
 * The draft is built from the record only; no AI is needed for it. It comes in two forms: the
 * facts (`handoffFacts`), which the web app words in the reader's language from its catalogues,
 * and an English text (`draftHandoffSummary`) for API clients and notifications.
 */

export interface TimelineEntry {
  at: Date;
  kind: 'message' | 'note' | 'event';
  direction: 'inbound' | 'outbound' | 'internal';
  /** The person who wrote it; null when the record names nobody (an import, a system reply). */
  authorName: string | null;
  channel: string;
  text: string;
}

export interface HandoffContext {
  subject: string;
  customerName: string | null;
  organisationName: string | null;
  fromOwner: string | null;
  toOwner: string | null;
  timeline: readonly TimelineEntry[];
  openPromises: readonly { dueAt: Date; channel: string }[];
  patienceScore: number | null;
  /** Reason codes (`repeat_contacts`, …): the reader's language words them. */
  patienceReasons: readonly string[];
  /** Formats instants for the English text (the reader's zone). */
  formatInstant: (d: Date) => string;
}

/** What the draft says, as data: every field that has nothing to say is null or empty. */
export interface HandoffFacts {
  subject: string;
  customerName: string | null;
  organisationName: string | null;
  contacts: { count: number; since: Date; channels: string[] } | null;
  firstAsk: string | null;
  latest: { at: Date; text: string } | null;
  done: { at: Date; author: string | null; note: boolean; text: string }[];
  promises: { dueAt: Date; channel: string }[];
  patience: { score: number; reasons: string[] } | null;
  fromOwner: string | null;
  toOwner: string | null;
}

const SNIPPET = 160;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
}

/**
 * The facts of the draft: who the customer is, what they asked, what has been done and said so
 * far, what was promised and how patient they are. Internal notes are included because the
 * summary is for the next agent; the customer sees the transfer, not the summary.
 */
export function handoffFacts(ctx: HandoffContext): HandoffFacts {
  const inbound = ctx.timeline.filter((e) => e.kind === 'message' && e.direction === 'inbound');
  const lastInbound = inbound[inbound.length - 1];
  return {
    subject: ctx.subject,
    customerName: ctx.customerName,
    organisationName: ctx.organisationName,
    contacts: inbound.length > 0 ? { count: inbound.length, since: inbound[0]!.at, channels: [...new Set(inbound.map((e) => e.channel))] } : null,
    firstAsk: inbound[0] ? snippet(inbound[0].text) : null,
    latest: lastInbound && lastInbound !== inbound[0] ? { at: lastInbound.at, text: snippet(lastInbound.text) } : null,
    done: ctx.timeline
      .filter((e) => e.direction !== 'inbound')
      .slice(-5)
      .map((e) => ({ at: e.at, author: e.authorName, note: e.kind === 'note', text: snippet(e.text) })),
    promises: ctx.openPromises.map((p) => ({ dueAt: p.dueAt, channel: p.channel })),
    patience: ctx.patienceScore !== null ? { score: ctx.patienceScore, reasons: [...ctx.patienceReasons] } : null,
    fromOwner: ctx.fromOwner,
    toOwner: ctx.toOwner,
  };
}

/** The draft in English: proper plurals, and no line for a field that has nothing to say. */
export function draftHandoffSummary(ctx: HandoffContext): string {
  const f = handoffFacts(ctx);
  const at = ctx.formatInstant;
  const lines: string[] = [];
  const who = [f.customerName, f.organisationName].filter(Boolean).join(', ');
  lines.push(`Case: ${f.subject}${who ? ` — ${who}` : ''}`);
  if (f.contacts) {
    const times = f.contacts.count === 1 ? 'once' : `${f.contacts.count} times`;
    lines.push(`The customer has contacted us ${times} since ${at(f.contacts.since)}${f.contacts.channels.length ? ` (${f.contacts.channels.join(', ')})` : ''}.`);
  }
  if (f.firstAsk) lines.push(`They asked: "${f.firstAsk}"`);
  if (f.latest) lines.push(`Latest from them (${at(f.latest.at)}): "${f.latest.text}"`);
  if (f.done.length > 0) {
    lines.push('Done so far:');
    for (const e of f.done) lines.push(`- ${at(e.at)}${e.author ? ` ${e.author}` : ''}${e.note ? ' (internal note)' : ''}: ${e.text}`);
  }
  for (const p of f.promises) lines.push(`Promised: an update by ${at(p.dueAt)} via ${p.channel}.`);
  if (f.patience) lines.push(`Patience: ${f.patience.score}/100${f.patience.reasons.length ? ` (${f.patience.reasons.map((r) => r.replace(/_/g, ' ')).join(', ')})` : ''}.`);
  if (f.fromOwner && f.toOwner) lines.push(`Handed over from ${f.fromOwner} to ${f.toOwner}.`);
  else if (f.toOwner) lines.push(`Handed over to ${f.toOwner}.`);
  return lines.join('\n');
}
