/**
 * Finds the name a contact signs their messages with ("Kasia", "Yossi", "田中"), so the
 * greeting can use it rather than the name on file. A name counts only when it recurs: one
 * stray last line must not rename anyone.
 */
import { SIGN_OFFS } from './data/reply-patterns.js';

const QUOTE_HEADER = /^(on .+ wrote:|am .+ schrieb .+:|le .+ a écrit\s?:|w dniu .+ pisze:|.+ כתב\/ה:|-{2,}\s*original message|_{5,})/i;

function stripQuoted(body: string): string[] {
  const out: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (QUOTE_HEADER.test(line)) break;
    if (line.startsWith('>')) continue;
    out.push(line);
  }
  return out.filter(Boolean);
}

function looksLikeName(line: string): boolean {
  const l = line.replace(/^[-–—~\s]+/, '').trim();
  if (l.length === 0 || l.length > 40) return false;
  if (/[\d@:/?!.,;()[\]{}"]/.test(l.replace(/\.$/, ''))) return false;
  const tokens = l.split(/\s+/);
  if (tokens.length > 3) return false;
  const lower = l.toLowerCase();
  if (SIGN_OFFS.some((s) => lower.includes(s))) return false;
  return tokens.every((t) => /^[\p{L}\p{M}][\p{L}\p{M}'’-]*$/u.test(t));
}

/** The signature name of one message: the last line when it looks like a name. */
export function signatureOf(body: string): string | null {
  const lines = stripQuoted(body);
  if (lines.length < 2) return null;
  const last = lines[lines.length - 1];
  return looksLikeName(last) ? last.replace(/^[-–—~\s]+/, '').trim() : null;
}

/**
 * The name a contact consistently signs with across recent messages: the most frequent
 * signature, if it appears in at least two messages and in at least half of those with one.
 */
export function consistentSignature(bodies: string[]): string | null {
  const counts = new Map<string, number>();
  let signed = 0;
  for (const b of bodies) {
    const s = signatureOf(b);
    if (!s) continue;
    signed += 1;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const e of counts) if (!best || e[1] > best[1]) best = e;
  if (!best || best[1] < 2 || best[1] * 2 < signed) return null;
  return best[0];
}
