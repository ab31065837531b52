/**
 * Formatting shared by the culture card, the composer and the Cultures page: policy values and
 * explanations in the UI language. Explanations arrive from the server in English with a code
 * and params; other languages render the catalogue's `culture.why.<code>` with the params made
 * local (country and language names, weekdays, channel names).
 */
import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { IsoWeekday, PolicyField, ServicePolicy } from '../../../culture/browser';
import { useDisplayNames } from '../../i18n/display-names';
import { useCodeLabel, useT } from '../../i18n/use-t';

/** Weekday names in the UI language, ISO numbered; a consecutive run prints as a range. */
export function useWeekdays() {
  const { locale } = useIntl();
  return useMemo(() => {
    const fmt = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    // 2024-01-01 was a Monday: ISO day d is 2024-01-0d.
    const name = (d: number) => fmt.format(new Date(Date.UTC(2024, 0, d)));
    return (days: readonly number[]) => {
      if (days.length === 0) return '—';
      const run = days.every((d, i) => i === 0 || d === (days[i - 1] % 7) + 1);
      return run && days.length > 2 ? `${name(days[0])}–${name(days[days.length - 1])}` : days.map(name).join(', ');
    };
  }, [locale]);
}

type Explained = Pick<PolicyField<unknown>, 'why' | 'whyCode' | 'whyParams'>;

/** Turns an explanation into a sentence in the UI language. */
export function useWhy(): (field: Explained) => string {
  const intl = useIntl();
  const t = useT();
  const names = useDisplayNames();
  const channel = useCodeLabel();
  const days = useWeekdays();
  return useCallback(
    (field: Explained) => {
      const id = `culture.why.${field.whyCode}`;
      if (intl.locale.startsWith('en') || !(id in intl.messages)) return field.why;
      const p: Record<string, string | number> = { ...field.whyParams };
      const isoList = (v: unknown) => String(v).split(',').filter(Boolean).map(Number);
      if (p.languageCode) p.language = p.languageName = names.language(String(p.languageCode));
      if (p.countryCode) p.country = names.region(String(p.countryCode));
      if (p.appCode) p.app = channel('channel', String(p.appCode));
      if (p.channelCode) p.channelLabel = channel('channel', String(p.channelCode));
      if (p.daysIso !== undefined) p.days = days(isoList(p.daysIso));
      if (p.weekendIso !== undefined) p.weekend = days(isoList(p.weekendIso));
      if (p.warmth) p.warmth = t(`culture.warmth.${p.warmth}`);
      if (p.level) p.level = t(`culture.hierarchy.${p.level}`);
      if (p.registerCode) p.register = t(`culture.register.${p.registerCode}`);
      else if (typeof p.register === 'string' && ['informal', 'formal', 'honorific'].includes(p.register)) p.register = t(`culture.register.${p.register}`);
      if (p.cautionCodes) p.list = String(p.cautionCodes).split(',').map((c) => t(`culture.caution.${c}`)).join('; ');
      if (p.recapFlag !== undefined) p.recap = p.recapFlag === 'yes' ? t('culture.why.recapNote', { linear: String(p.linear ?? '') }) : '';
      if (p.recordName !== undefined) p.registerNote = p.recordName ? t('culture.why.signedName.instead', { name: String(p.recordName) }) : '';
      if (p.summaryCode) p.summary = t(`culture.observed.summary.${p.summaryCode}`, { channel: String(p.channelLabel ?? '') });
      try {
        return String(intl.formatMessage({ id }, p));
      } catch {
        return field.why;
      }
    },
    [intl, t, names, channel, days],
  );
}

/** A short, translated rendering of a policy field's value, for cards and tables. */
export function usePolicyValue() {
  const t = useT();
  const channel = useCodeLabel();
  const days = useWeekdays();
  return useCallback(
    <F extends keyof Omit<ServicePolicy, 'country'>>(field: F, value: ServicePolicy[F]['value']): string => {
      const v = value as never;
      switch (field) {
        case 'channels':
          return (v as string[]).map((c) => channel('channel', c)).join(' › ');
        case 'tone': {
          const tone = v as ServicePolicy['tone']['value'];
          return `${t(`culture.tone.${tone.directness}`)} · ${t(`culture.warmth.${tone.warmth}`)}`;
        }
        case 'register':
          return t(`culture.register.${v}`);
        case 'expectedContacts':
          return t('culture.expectedContacts.value', { n: v as number });
        case 'followUpCadence': {
          const c = v as ServicePolicy['followUpCadence']['value'];
          return t(`culture.cadence.${c.mode}`, { hours: c.intervalBusinessHours ?? 0 });
        }
        case 'continuity':
          return t(`culture.continuity.${v}`);
        case 'hierarchy':
          return t(`culture.hierarchy.${v}`);
        case 'hierarchyCautions': {
          const list = v as string[];
          return list.length ? list.map((c) => t(`culture.caution.${c}`)).join('; ') : t('culture.none');
        }
        case 'procedure': {
          const p = v as ServicePolicy['procedure']['value'];
          return [t(`culture.procedure.${p.strictness}`), p.writtenRecapAfterCall ? t('culture.procedure.recap') : null].filter(Boolean).join(' · ');
        }
        case 'appearance':
          return t(`culture.appearance.${(v as ServicePolicy['appearance']['value']).level}`);
        case 'workweek':
          return days(v as IsoWeekday[]);
        case 'contactHours': {
          const h = v as ServicePolicy['contactHours']['value'];
          // Isolate the times so a right-to-left page does not print 17:00–09:00.
          return `${days(h.days)} \u2066${h.slots.map((s) => `${s.start}–${s.end}`).join(', ')}\u2069`;
        }
        case 'salutation': {
          // Show the template readably: the title slot by its default ("{surname}様", "Szanowna Pani,").
          const clean = (tpl: string) => tpl.replace(/\{title\|([^}]*)\}/g, '$1').replace(/\{title\}/g, '').replace(/[ \t]{2,}/g, ' ').replace(/\s+([,:!，：、])/g, '$1');
          const s = v as ServicePolicy['salutation']['value'];
          // First-strong isolates keep an Arabic or Hebrew template readable inside a left-to-right line.
          const iso = (tpl: string) => `\u2068${clean(tpl)}\u2069`;
          return s.templates.female === s.templates.male ? iso(s.templates.neutral) : `${iso(s.templates.female)} / ${iso(s.templates.male)}`;
        }
        default:
          return JSON.stringify(v);
      }
    },
    [t, channel, days],
  );
}
