import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { Message } from '../api/types';
import { useCodeLabel, useT } from '../i18n/use-t';

/**
 * Unicode first-strong isolate … pop-directional isolate: the plain-text `<bdi>`. A customer's
 * name, an address or a subject keeps its own direction inside a Hebrew sentence, and a Hebrew
 * subject does not scramble the punctuation around it in an English one.
 */
const isolate = (value: unknown): string => `\u2068${String(value)}\u2069`;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * Renders system events (`kind: 'event'`) in the reader's language from their structured
 * `metadata` — the server's `bodyText` is English, for API consumers and as the fallback.
 * Returns null for an event this version does not know (or one written before its metadata
 * carried what the sentence needs), so the caller shows `bodyText` instead.
 */
export function useEventText(): (message: Pick<Message, 'kind' | 'metadata'>) => string | null {
  const t = useT();
  const intl = useIntl();
  const codeLabel = useCodeLabel();
  return useCallback(
    (message) => {
      if (message.kind !== 'event') return null;
      const m = message.metadata ?? {};
      switch (m.event) {
        case 'merged': {
          if (m.sourceNumber === undefined || m.sourceNumber === null) return null;
          const number = String(m.sourceNumber);
          const subject = text(m.sourceSubject);
          return subject ? t('event.merged', { number, subject: isolate(subject) }) : t('event.mergedNoSubject', { number });
        }
        case 'handoff': {
          const name = text(m.toName);
          return name ? t('event.handoff', { name: isolate(name) }) : t('event.handoffNewOwner');
        }
        case 'promise': {
          const due = text(m.dueAt);
          const by = text(m.by);
          if (!due || !by) return null;
          const when = intl.formatDate(due, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
          const channel = text(m.channel);
          return channel
            ? t('event.promiseVia', { name: isolate(by), due: when, channel: codeLabel('channel', channel) })
            : t('event.promise', { name: isolate(by), due: when });
        }
        case 'delivery_failed': {
          const channel = text(m.channel);
          if (!channel) return null;
          const values = { channel: codeLabel('channel', channel), address: isolate(text(m.address) ?? t('event.theCustomer')) };
          const reason = text(m.reason);
          const sentence = reason ? t('event.deliveryFailedReason', { ...values, reason: isolate(reason) }) : t('event.deliveryFailed', values);
          return m.windowClosed === true ? `${sentence} ${t('event.whatsappWindowClosed')}` : sentence;
        }
        case 'email_bounced': {
          const subject = text(m.subject);
          if (subject === null) return null;
          const address = isolate(text(m.address) ?? t('event.theCustomer'));
          const status = text(m.status);
          return status
            ? t('event.emailBouncedStatus', { address, status: isolate(status), subject: isolate(subject) })
            : t('event.emailBounced', { address, subject: isolate(subject) });
        }
        case 'auto_reply': {
          const from = text(m.from);
          if (!from || typeof m.excerpt !== 'string') return null;
          return t('event.autoReply', { from: isolate(from), excerpt: isolate(m.excerpt) });
        }
        case 'identity_claim': {
          const claimed = text(m.claimed);
          const channel = text(m.channel);
          if (!claimed || !channel) return null;
          const name = text(m.contactName);
          return t('event.identityClaim', { claimed: isolate(claimed), channel: codeLabel('channel', channel), name: name ? isolate(name) : t('event.anotherContact') });
        }
        default:
          return null;
      }
    },
    [t, intl, codeLabel],
  );
}

/**
 * A logged phone call in the reader's language, from the call record in `metadata.call`
 * (the server's English `bodyText` is the fallback); null for any other message.
 */
export function useCallLogText(): (message: Pick<Message, 'metadata'>) => string | null {
  const t = useT();
  const intl = useIntl();
  return useCallback(
    (message) => {
      const call = (message.metadata ?? {}).call as { direction?: string; from?: string; to?: string; answered?: boolean; durationSeconds?: number } | undefined;
      if (!call || (call.direction !== 'inbound' && call.direction !== 'outbound')) return null;
      const number = text(call.direction === 'inbound' ? call.from : call.to);
      if (!number) return null;
      const seconds = Math.max(0, Math.round(call.durationSeconds ?? 0));
      const duration = seconds < 60
        ? intl.formatNumber(seconds, { style: 'unit', unit: 'second', unitDisplay: 'short' })
        : intl.formatNumber(Math.round(seconds / 60), { style: 'unit', unit: 'minute', unitDisplay: 'short' });
      const values = { number: isolate(number), duration };
      if (call.direction === 'inbound') return call.answered ? t('event.call.inbound', values) : t('event.call.missed', values);
      return call.answered ? t('event.call.outbound', values) : t('event.call.unanswered', values);
    },
    [t, intl],
  );
}
