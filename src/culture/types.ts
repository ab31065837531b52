/**
 * Shared types of the culture engine. Kept free of runtime imports so the web app can
 * import them (and the browser-safe reply checker) without pulling Node-only code.
 */

/** How much a value can be trusted, from strongest to weakest evidence. */
export type Confidence = 'measured' | 'published' | 'curated' | 'derived';

/** ISO 3166-1 alpha-2, upper case, e.g. 'IL'. */
export type CountryCode = string;

/** 1 = lowest … 5 = highest on a curated ordinal scale. */
export type Ordinal5 = 1 | 2 | 3 | 4 | 5;

/** Channel ids an agent can reach a customer on. */
export const CHANNELS = [
  'phone', 'email', 'whatsapp', 'wechat', 'line', 'kakaotalk', 'telegram', 'viber',
  'messenger', 'zalo', 'sms', 'webchat',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type Register = 'informal' | 'formal' | 'honorific';

/** One value with where it came from. */
export interface Sourced<T> {
  value: T;
  /** Ids into the source catalogue (`data/sources.ts`), strongest first. */
  sources: string[];
  confidence: Confidence;
  /** Why the value is what it is when that is not obvious (clamped, filled from a proxy…). */
  note?: string;
}

export type HofstedeDimension = 'pdi' | 'idv' | 'mas' | 'uai' | 'lto' | 'ivr';
export const HOFSTEDE_DIMENSIONS: readonly HofstedeDimension[] = ['pdi', 'idv', 'mas', 'uai', 'lto', 'ivr'];

export type HofstedeScores = Record<HofstedeDimension, number | null>;

export interface LewisWeights {
  linearActive: number;
  multiActive: number;
  reactive: number;
}

export interface WeekInfo {
  firstDay: IsoWeekday;
  weekend: IsoWeekday[];
  /** Days people actually work; not always the complement of the weekend (Israel: Sun–Thu). */
  workdays: IsoWeekday[];
}

export interface TimeSlot {
  /** 'HH:MM' local time. */
  start: string;
  end: string;
}

export interface MessagingInfo {
  /** Messaging apps by reach, most used first. */
  apps: Channel[];
  /** Apps that businesses use as a customer-service channel there (official accounts). */
  businessUse: Partial<Record<Channel, 'dominant' | 'common'>>;
  /** Other channels that matter for service there, e.g. SMS in the US. */
  also: Channel[];
  asOf: string;
}

export interface Formality {
  register: Register;
  useTitles: boolean;
  /** When informal address is acceptable. */
  informalWhen: 'default' | 'customer-initiates' | 'never';
}

export interface HolidayEntry {
  date: string;
  name: string;
}

export interface SubNationalScores {
  code: string;
  name: string;
  scores: HofstedeScores;
}

export interface MissingField {
  field: string;
  fallback: 'regional-aggregate' | 'derived' | 'global-default';
  detail: string;
}

/** Everything we know about the business culture of one country, each field with its source. */
export interface CountryProfile {
  country: CountryCode;
  name: string;
  dataVersion: string;
  /** True when we hold no country-specific culture data and answer the global default. */
  isDefault: boolean;
  /** Fields without country-specific data and what stands in for them. */
  missing: MissingField[];
  /** Scores 0–100; a missing score is filled (regional aggregate or global mean) and listed in `missing`. */
  hofstede: Record<HofstedeDimension, Sourced<number>>;
  subNational: SubNationalScores[];
  lewis: Sourced<LewisWeights>;
  context: Sourced<Ordinal5>;
  feedbackDirectness: Sourced<Ordinal5>;
  expressiveness: Sourced<Ordinal5>;
  formality: Sourced<Formality>;
  languages: Sourced<string[]>;
  nameOrder: Sourced<'givenFirst' | 'surnameFirst'>;
  rtl: Sourced<boolean>;
  week: Sourced<WeekInfo>;
  businessHours: Sourced<TimeSlot[]>;
  timeZones: Sourced<string[]>;
  holidays: Sourced<{ year: number; supported: boolean; items: HolidayEntry[] }>;
  messaging: Sourced<MessagingInfo>;
}

/** One policy field: the value, a one-sentence reason, and the sources behind it. */
export interface PolicyField<T> {
  value: T;
  why: string;
  /** Machine id of the explanation so the UI can translate it; params fill its placeholders. */
  whyCode: string;
  whyParams: Record<string, string | number>;
  sources: string[];
}

export type Directness = 'direct' | 'balanced' | 'indirect';
export type Warmth = 'warm' | 'neutral' | 'reserved';

export interface SalutationValue {
  language: string;
  register: Register;
  /** Greeting templates; placeholders {givenName} {surname} {fullName} {title} or {title|Default}. */
  templates: { female: string; male: string; neutral: string };
  signOff: string;
  /** A name the greeting should use instead of the record's name (what the contact signs with). */
  nameOverride?: string | null;
}

export interface FollowUpCadence {
  mode: 'proactive-calls' | 'single-complete-reply' | 'scheduled-written-updates';
  /** Business hours between proactive updates while a case is open; null = only on change. */
  intervalBusinessHours: number | null;
  maxTouchesPerWeek: number;
}

export type HierarchyCaution =
  | 'never-bypass-contact'
  | 'match-seniority'
  | 'senior-title-on-card'
  | 'results-to-show-upward';

export interface ProcedurePolicy {
  strictness: 'strict' | 'standard' | 'flexible';
  writtenRecapAfterCall: boolean;
  followManualAndContract: boolean;
  formalAcceptanceTest: boolean;
}

export interface AppearancePolicy {
  level: 'formal' | 'neat' | 'practical';
  tidyWorkspace: boolean;
}

export interface ContactHours {
  timeZone: string;
  days: IsoWeekday[];
  slots: TimeSlot[];
  avoidPublicHolidays: boolean;
}

/** What an agent should do for customers of one country (or one contact, once resolved). */
export interface ServicePolicy {
  country: CountryCode;
  channels: PolicyField<Channel[]>;
  tone: PolicyField<{ directness: Directness; warmth: Warmth }>;
  register: PolicyField<Register>;
  salutation: PolicyField<SalutationValue>;
  expectedContacts: PolicyField<number>;
  followUpCadence: PolicyField<FollowUpCadence>;
  continuity: PolicyField<'same-agent' | 'any-agent'>;
  hierarchy: PolicyField<'low' | 'moderate' | 'high'>;
  hierarchyCautions: PolicyField<HierarchyCaution[]>;
  procedure: PolicyField<ProcedurePolicy>;
  appearance: PolicyField<AppearancePolicy>;
  workweek: PolicyField<IsoWeekday[]>;
  contactHours: PolicyField<ContactHours>;
}

export type PolicyFieldName = Exclude<keyof ServicePolicy, 'country'>;

export const POLICY_FIELDS: readonly PolicyFieldName[] = [
  'channels', 'tone', 'register', 'salutation', 'expectedContacts', 'followUpCadence',
  'continuity', 'hierarchy', 'hierarchyCautions', 'procedure', 'appearance', 'workweek',
  'contactHours',
];
