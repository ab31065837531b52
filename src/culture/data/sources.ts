/**
 * The catalogue of sources every profile and policy field points at. Shown in the Cultures
 * page so a manager can see where a claim comes from and how far to trust it.
 */
import type { Confidence } from '../types.js';

export interface SourceInfo {
  id: string;
  title: string;
  /** Where to read it; omitted for our own curation. */
  url?: string;
  licence?: string;
  asOf: string;
  confidence: Confidence;
  attribution?: string;
}

export const DATA_VERSION = 'culture-data-2026-11';

export const SOURCES: Record<string, SourceInfo> = {
  'hofstede-2015': {
    id: 'hofstede-2015',
    title: 'Hofstede 6-D country scores, file "6-dimensions-for-website-2015-08-16.csv"',
    url: 'https://geerthofstede.com/research-and-vsm/dimension-data-matrix/',
    licence: 'Made available by Geert Hofstede for research use; no licence granted beyond that',
    asOf: '2015-08-16',
    confidence: 'measured',
    attribution:
      'Scores © Geert Hofstede; see Hofstede, G., Hofstede, G. J. & Minkov, M. (2010), Cultures and Organizations: Software of the Mind, 3rd ed., McGraw-Hill.',
  },
  'hofstede-2015-regional': {
    id: 'hofstede-2015-regional',
    title: 'Hofstede 2015 regional aggregate rows (Arab countries, Africa East, Africa West) used as a proxy',
    url: 'https://geerthofstede.com/research-and-vsm/dimension-data-matrix/',
    asOf: '2015-08-16',
    confidence: 'derived',
  },
  'hofstede-2015-mean': {
    id: 'hofstede-2015-mean',
    title: 'Mean of all national rows of the Hofstede 2015 matrix (global default)',
    asOf: '2015-08-16',
    confidence: 'derived',
  },
  'lewis-2006': {
    id: 'lewis-2006',
    title: 'Richard D. Lewis, When Cultures Collide, 3rd ed. (2006): linear-active / multi-active / reactive',
    asOf: '2006',
    confidence: 'curated',
  },
  'hall-1976': {
    id: 'hall-1976',
    title: 'Edward T. Hall, Beyond Culture (1976); Hall & Hall, Understanding Cultural Differences (1990): high/low context',
    asOf: '1990',
    confidence: 'curated',
  },
  'meyer-2014': {
    id: 'meyer-2014',
    title: 'Erin Meyer, The Culture Map (2014): communicating and evaluating scales (our own ordinals, not her plotted positions)',
    asOf: '2014',
    confidence: 'curated',
  },
  'wals-45a': {
    id: 'wals-45a',
    title: 'WALS feature 45A "Politeness distinctions in pronouns" (Helmbrecht)',
    url: 'https://wals.info/feature/45A',
    licence: 'CC-BY-4.0',
    asOf: '2013',
    confidence: 'published',
  },
  'cldr-48': {
    id: 'cldr-48',
    title: 'Unicode CLDR 48 (person-name defaults, likely subtags, week data) as shipped in Node ICU',
    url: 'https://cldr.unicode.org/',
    licence: 'Unicode-3.0',
    asOf: '2025-10',
    confidence: 'published',
  },
  'date-holidays': {
    id: 'date-holidays',
    title: 'date-holidays 3.x holiday data',
    url: 'https://github.com/commenthol/date-holidays',
    licence: 'ISC (code), CC-BY-3.0 (data)',
    asOf: '2025',
    confidence: 'published',
  },
  'similarweb-2016': {
    id: 'similarweb-2016',
    title: 'Similarweb, most popular messaging app per country (Android panel, 187 countries)',
    asOf: '2016',
    confidence: 'published',
  },
  'similarweb-2022': {
    id: 'similarweb-2022',
    title: 'Similarweb, top messaging apps by country (94 countries)',
    asOf: '2022',
    confidence: 'published',
  },
  'similarweb-2023': {
    id: 'similarweb-2023',
    title: 'Similarweb, most used messaging app by country (100 countries)',
    asOf: '2023',
    confidence: 'published',
  },
  curated: {
    id: 'curated',
    title: 'Rapport curation from the published descriptions above and field experience (seeds 000–002)',
    asOf: '2026-11',
    confidence: 'curated',
  },
  'global-default': {
    id: 'global-default',
    title: 'Rapport global default for countries without data',
    asOf: '2026-11',
    confidence: 'derived',
  },
  'rapport-rules': {
    id: 'rapport-rules',
    title: 'Rapport policy rules (src/culture/rules): thresholds over the profile fields',
    asOf: '2026-11',
    confidence: 'derived',
  },
  'manager-edit': {
    id: 'manager-edit',
    title: 'Edited by a manager or admin in Rapport',
    asOf: '2026-11',
    confidence: 'curated',
  },
  observed: {
    id: 'observed',
    title: "The contact's own recent behaviour in Rapport",
    asOf: '2026-11',
    confidence: 'measured',
  },
  override: {
    id: 'override',
    title: 'Set by an admin for this organisation or contact',
    asOf: '2026-11',
    confidence: 'curated',
  },
  'contact-record': {
    id: 'contact-record',
    title: "The contact's own record (languages, time zone, preferred channel)",
    asOf: '2026-11',
    confidence: 'measured',
  },
};
