/**
 * Builds a country's culture profile from the vendored and curated data, recording for every
 * field where it came from and how far to trust it, and listing what had to be filled in.
 */
import { BUSINESS_HOURS, DEFAULT_BUSINESS_HOURS } from './data/calendar-overrides.js';
import { CONTEXT, FEEDBACK_DIRECTNESS, FORMALITY_OVERRIDES } from './data/communication.js';
import { REGIONAL_AGGREGATE_NAMES } from './data/hofstede-codes.js';
import { COUNTRY_LANGUAGES, SURNAME_FIRST_LANGUAGES, primaryLanguage } from './data/languages.js';
import { LEWIS_WEIGHTS } from './data/lewis-weights.js';
import { DEFAULT_MESSAGING, MESSAGING_APPS } from './data/messaging-apps.js';
import { DATA_VERSION } from './data/sources.js';
import { hasHolidayData, isRtl, likelyLanguage, orderFrom, publicHolidays, timeZonesOf, weekFacts } from './calendar.js';
import { countryName } from './country-code.js';
import type { CuratedEdits, CuratedField } from './edits.js';
import { globalMeans, resolveHofstede, type HofstedeTable } from './hofstede.js';
import { deriveFormality } from './rules/formality.js';
import { contextFromIndividualism, directnessFromContext, expressivenessFromLewis } from './rules/ordinals.js';
import {
  HOFSTEDE_DIMENSIONS, type CountryProfile, type HofstedeDimension, type IsoWeekday, type LewisWeights,
  type MissingField, type Sourced,
} from './types.js';

export interface BuildProfileOptions {
  table: HofstedeTable;
  /** Year of the public holidays listed in the profile. */
  year: number;
  edits?: CuratedEdits;
  /** False skips computing the holiday list (lists and charts do not need it; it is the slow part). */
  holidays?: boolean;
}

const DEFAULT_LEWIS: LewisWeights = { linearActive: 1 / 3, multiActive: 1 / 3, reactive: 1 / 3 };

function edited<T>(edit: { value: unknown; note?: string; by?: string } | undefined): Sourced<T> | null {
  if (!edit) return null;
  const by = edit.by ? ` by ${edit.by}` : '';
  return { value: edit.value as T, sources: ['manager-edit'], confidence: 'curated', note: edit.note ? `Edited${by}: ${edit.note}` : `Edited${by}.` };
}

function hofstedeFields(table: HofstedeTable, iso2: string, missing: MissingField[]) {
  const resolved = resolveHofstede(table, iso2);
  const means = globalMeans(table);
  const out = {} as Record<HofstedeDimension, Sourced<number>>;
  for (const dim of HOFSTEDE_DIMENSIONS) {
    const r = resolved[dim];
    if (r.origin === 'national') {
      out[dim] = {
        value: r.value as number, sources: ['hofstede-2015'], confidence: 'measured',
        ...(r.rawClamped !== undefined ? { note: `Published raw value ${r.rawClamped} clamped to 0–100.` } : {}),
      };
    } else if (r.origin === 'proxy' && r.proxy) {
      const detail = `No national ${dim.toUpperCase()} score; filled from the "${REGIONAL_AGGREGATE_NAMES[r.proxy]}" aggregate (${r.proxy}).`;
      out[dim] = { value: r.value as number, sources: ['hofstede-2015-regional'], confidence: 'derived', note: detail };
      missing.push({ field: `hofstede.${dim}`, fallback: 'regional-aggregate', detail });
    } else {
      const detail = `No ${dim.toUpperCase()} score published; the mean of all countries (${means[dim]}) is used.`;
      out[dim] = { value: means[dim], sources: ['hofstede-2015-mean'], confidence: 'derived', note: detail };
      missing.push({ field: `hofstede.${dim}`, fallback: 'global-default', detail });
    }
  }
  return out;
}

/**
 * The culture profile of one ISO country. Curated edits from managers win over our curated
 * tables; where neither has data, values are derived (and say so) or take the global default,
 * and every gap is listed in `missing` so the API can show what is not known.
 */
export function buildCountryProfile(iso2: string, { table, year, edits = {}, holidays: withHolidays = true }: BuildProfileOptions): CountryProfile {
  const missing: MissingField[] = [];
  const e = <F extends CuratedField>(f: F) => edits[f];
  const hofstede = hofstedeFields(table, iso2, missing);
  const score = (d: HofstedeDimension) => hofstede[d].value;

  const curatedLewis = LEWIS_WEIGHTS[iso2];
  const lewis: Sourced<LewisWeights> = edited<LewisWeights>(e('lewis')) ?? (curatedLewis
    ? { value: { linearActive: curatedLewis[0], multiActive: curatedLewis[1], reactive: curatedLewis[2] }, sources: ['lewis-2006', 'curated'], confidence: 'curated' }
    : { value: DEFAULT_LEWIS, sources: ['global-default'], confidence: 'derived', note: 'No Lewis placement curated; equal weights.' });
  if (!e('lewis') && !curatedLewis) missing.push({ field: 'lewis', fallback: 'global-default', detail: 'No Lewis placement curated; equal weights used.' });

  const context: Sourced<CountryProfile['context']['value']> = edited(e('context')) ?? (CONTEXT[iso2]
    ? { value: CONTEXT[iso2], sources: ['hall-1976', 'meyer-2014', 'curated'], confidence: 'curated' }
    : { value: contextFromIndividualism(score('idv')), sources: [...hofstede.idv.sources, 'rapport-rules'], confidence: 'derived', note: `Derived from individualism ${score('idv')}.` });
  if (!e('context') && !CONTEXT[iso2]) missing.push({ field: 'context', fallback: 'derived', detail: 'No curated context; derived from individualism.' });

  const feedbackDirectness: Sourced<CountryProfile['feedbackDirectness']['value']> = edited(e('feedbackDirectness')) ?? (FEEDBACK_DIRECTNESS[iso2]
    ? { value: FEEDBACK_DIRECTNESS[iso2], sources: ['meyer-2014', 'curated'], confidence: 'curated' }
    : { value: directnessFromContext(context.value), sources: ['rapport-rules'], confidence: 'derived', note: `Approximated as the mirror of context ${context.value}.` });
  if (!e('feedbackDirectness') && !FEEDBACK_DIRECTNESS[iso2]) missing.push({ field: 'feedbackDirectness', fallback: 'derived', detail: 'No curated feedback directness; approximated from context.' });

  const expressiveness: Sourced<CountryProfile['expressiveness']['value']> = edited(e('expressiveness'))
    ?? { value: expressivenessFromLewis(lewis.value), sources: [...lewis.sources, 'rapport-rules'], confidence: 'derived', note: `From multi-active weight ${lewis.value.multiActive.toFixed(2)}.` };

  const languages: Sourced<string[]> = edited<string[]>(e('languages')) ?? (COUNTRY_LANGUAGES[iso2]
    ? { value: [...COUNTRY_LANGUAGES[iso2]], sources: ['curated', 'cldr-48'], confidence: 'curated' }
    : { value: [likelyLanguage(iso2)], sources: ['cldr-48'], confidence: 'published' });
  const firstLanguage = languages.value[0];

  const formalityOverride = FORMALITY_OVERRIDES[iso2];
  const derivedFormality = deriveFormality({ pdi: score('pdi'), uai: score('uai'), language: firstLanguage });
  const formality: CountryProfile['formality'] = edited(e('formality'))
    ?? (formalityOverride
      ? { value: formalityOverride.value, sources: ['curated'], confidence: 'curated', note: formalityOverride.note }
      : { value: derivedFormality.value, sources: ['hofstede-2015', 'wals-45a', 'rapport-rules'], confidence: 'derived', note: derivedFormality.explanation.why });

  const facts = weekFacts(iso2);
  const editedWorkdays = edited<IsoWeekday[]>(e('workdays'));
  const week: CountryProfile['week'] = editedWorkdays
    ? { ...editedWorkdays, value: { ...facts.week, workdays: orderFrom(editedWorkdays.value, facts.week.firstDay) } }
    : facts.overrideNote
      ? { value: facts.week, sources: ['cldr-48', 'curated'], confidence: 'curated', note: facts.overrideNote }
      : { value: facts.week, sources: ['cldr-48'], confidence: 'published' };

  const hours = BUSINESS_HOURS[iso2];
  const businessHours: CountryProfile['businessHours'] = edited(e('businessHours')) ?? (hours
    ? { value: hours.slots, sources: ['curated'], confidence: 'curated', ...(hours.note ? { note: hours.note } : {}) }
    : { value: DEFAULT_BUSINESS_HOURS, sources: ['global-default'], confidence: 'derived', note: 'Typical office hours assumed.' });

  const msg = MESSAGING_APPS[iso2];
  const { sources: msgSources, ...msgInfo } = msg ?? DEFAULT_MESSAGING;
  const messaging: CountryProfile['messaging'] = edited(e('messaging'))
    ?? { value: msgInfo, sources: msgSources, confidence: msg ? 'published' : 'derived', ...(msg ? {} : { note: 'No edition names a leader here; WhatsApp led in most countries (2016).' }) };
  if (!e('messaging') && !msg) missing.push({ field: 'messaging', fallback: 'global-default', detail: 'No messaging-app data; WhatsApp/Messenger assumed.' });

  const holidays = withHolidays ? publicHolidays(iso2, year) : { supported: hasHolidayData(iso2), items: [] };
  if (!holidays.supported) missing.push({ field: 'holidays', fallback: 'global-default', detail: 'date-holidays has no data for this country.' });
  // '001' (the world) is the stand-in for customers whose country we do not know.
  const zones = iso2 === '001' ? ['UTC'] : timeZonesOf(iso2);

  const cultureSpecific = missing.filter((m) => m.field.startsWith('hofstede.') || m.field === 'lewis');
  const isDefault = cultureSpecific.length === HOFSTEDE_DIMENSIONS.length + 1
    && cultureSpecific.every((m) => m.fallback === 'global-default') && !CONTEXT[iso2];

  return {
    country: iso2,
    name: countryName(iso2),
    dataVersion: DATA_VERSION,
    isDefault,
    missing,
    hofstede,
    subNational: table.subNational.get(iso2) ?? [],
    lewis,
    context,
    feedbackDirectness,
    expressiveness,
    formality,
    languages,
    nameOrder: {
      value: SURNAME_FIRST_LANGUAGES.has(primaryLanguage(firstLanguage)) ? 'surnameFirst' : 'givenFirst',
      sources: ['cldr-48'], confidence: 'published',
    },
    rtl: { value: isRtl(firstLanguage), sources: ['cldr-48'], confidence: 'published' },
    week,
    businessHours,
    timeZones: { value: zones, sources: ['cldr-48'], confidence: 'published' },
    holidays: { value: { year, ...holidays }, sources: ['date-holidays'], confidence: 'published' },
    messaging,
  };
}
