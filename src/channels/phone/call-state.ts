/**
 * The life of a phone call as the telephony system reports it: ringing → answered → ended, in
 * that order — but events can arrive late, twice or out of order (a retried webhook, "ended"
 * before "answered" from a slow leg). Pure rules for folding an event into the call's state, and
 * the duration the ticket log shows.
 */

export type CallState = 'ringing' | 'answered' | 'ended';

export interface CallTimes {
  state: CallState;
  ringingAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
}

const rank: Record<CallState, number> = { ringing: 0, answered: 1, ended: 2 };

/** Folds one event into the call: never moves backwards, keeps the first time seen for each step. */
export function applyCallEvent(current: CallTimes | null, event: CallState, at: Date): CallTimes {
  const base: CallTimes = current ?? { state: event, ringingAt: null, answeredAt: null, endedAt: null };
  const next: CallTimes = { ...base, state: rank[event] > rank[base.state] ? event : base.state };
  if (event === 'ringing') next.ringingAt = base.ringingAt ?? at;
  if (event === 'answered') next.answeredAt = base.answeredAt ?? at;
  if (event === 'ended') next.endedAt = base.endedAt ?? at;
  return next;
}

/** Talk time in whole seconds: from answer to hang-up; 0 for a call nobody answered. */
export function talkSeconds(times: CallTimes): number {
  if (!times.answeredAt || !times.endedAt) return 0;
  return Math.max(0, Math.round((times.endedAt.getTime() - times.answeredAt.getTime()) / 1000));
}

/** "1 h 2 min 5 s", "3 min 12 s", "45 s": the duration as the ticket log writes it. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : ''].filter(Boolean).join(' ');
}
