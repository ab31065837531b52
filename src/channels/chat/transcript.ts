/**
 * The chat transcript a visitor receives by email when they left before the answer came: the
 * answer first (it is what they are waiting for), then the whole conversation with times in
 * their language, so they never have to repeat anything when they reply by email.
 */
import { outboundStrings } from '../email/outbound-strings.js';

export interface TranscriptLine {
  from: 'visitor' | 'agent';
  author: string;
  text: string;
  at: Date;
}

/** Formats the email body (plain text; compose.ts makes the HTML from it). */
export function transcriptBody(answer: string, lines: TranscriptLine[], language: string | null, timeZone = 'UTC'): string {
  const s = outboundStrings(language);
  const locale = language ?? 'en';
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone });
  } catch {
    fmt = new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });
  }
  const body = lines
    .map((l) => `[${fmt.format(l.at)}] ${l.from === 'visitor' ? s.transcriptYou : l.author}:\n${l.text.trim()}`)
    .join('\n\n');
  return `${s.transcriptAnswerIntro}\n\n${answer.trim()}\n\n———\n${s.transcriptIntro}\n\n${body}`;
}
