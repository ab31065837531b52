/**
 * Words the hand-off draft in the reader's language: the server sends the facts of the case
 * (`HandoffFacts`), this turns them into the text the agent edits — plurals by ICU, dates in the
 * user's zone, and no line for a field that has nothing to say.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { components } from '../../api/schema';
import { useCodeLabel, useT } from '../../i18n/use-t';

export type HandoffFacts = components['schemas']['HandoffFacts'];

/** A function from the draft's facts to its text in the UI language. */
export function useHandoffText(): (facts: HandoffFacts) => string {
  const t = useT();
  const intl = useIntl();
  const codeLabel = useCodeLabel();
  return useCallback(
    (f: HandoffFacts) => {
      const at = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
      const lines: string[] = [];
      const who = [f.customerName, f.organisationName].filter(Boolean).join(', ');
      lines.push(who ? t('handoff.draft.caseWho', { subject: f.subject, who }) : t('handoff.draft.case', { subject: f.subject }));
      if (f.contacts) {
        const channels = intl.formatList(f.contacts.channels.map((c) => codeLabel('channel', c)));
        lines.push(t(f.contacts.channels.length ? 'handoff.draft.contactsVia' : 'handoff.draft.contacts', { count: f.contacts.count, since: at(f.contacts.since), channels }));
      }
      if (f.firstAsk) lines.push(t('handoff.draft.asked', { text: f.firstAsk }));
      if (f.latest) lines.push(t('handoff.draft.latest', { at: at(f.latest.at), text: f.latest.text }));
      if (f.done.length) {
        lines.push(t('handoff.draft.done'));
        for (const d of f.done) {
          const key = d.author ? (d.note ? 'handoff.draft.doneNote' : 'handoff.draft.doneLine') : 'handoff.draft.doneAnonymous';
          lines.push(t(key, { at: at(d.at), author: d.author ?? '', text: d.text }));
        }
      }
      for (const p of f.promises) lines.push(t('handoff.draft.promise', { due: at(p.dueAt), channel: codeLabel('channel', p.channel) }));
      if (f.patience) {
        const reasons = intl.formatList(f.patience.reasons.map((r) => t(`handoff.reason.${r}`)));
        lines.push(f.patience.reasons.length ? t('handoff.draft.patienceWhy', { score: f.patience.score, reasons }) : t('handoff.draft.patience', { score: f.patience.score }));
      }
      if (f.fromOwner && f.toOwner) lines.push(t('handoff.draft.handedFromTo', { from: f.fromOwner, to: f.toOwner }));
      else if (f.toOwner) lines.push(t('handoff.draft.handedTo', { to: f.toOwner }));
      return lines.join('\n');
    },
    [t, intl, codeLabel],
  );
}
