/**
 * Messaging apps people use per country, by reach, with the source edition and its date.
 * There is no open dataset: leaders come from Similarweb's published rankings (2016, ≈2022,
 * 2023); `business` records where companies actually serve customers on the app (WeChat
 * Official Accounts in China, Kakao business messages in Korea, LINE Official Accounts in
 * Japan/Taiwan/Thailand, WhatsApp Business). Leaders change between editions, so managers can
 * edit this from the Cultures page.
 */
import type { Channel, MessagingInfo } from '../types.js';

export interface MessagingEntry extends MessagingInfo {
  sources: string[];
}

type Business = MessagingInfo['businessUse'];

function entry(apps: Channel[], source: string, business: Business = {}, also: Channel[] = []): MessagingEntry {
  const asOf = source.replace(/^similarweb-/, '');
  return { apps, businessUse: business, also, asOf, sources: [source, 'curated'] };
}

const WA: Business = { whatsapp: 'common' };

export const MESSAGING_APPS: Readonly<Record<string, MessagingEntry>> = {
  // East Asia: one home app per market carries business conversations
  CN: entry(['wechat'], 'similarweb-2022', { wechat: 'dominant' }),
  KR: entry(['kakaotalk'], 'similarweb-2022', { kakaotalk: 'dominant' }),
  JP: entry(['line', 'messenger'], 'similarweb-2022', { line: 'common' }),
  TW: entry(['line', 'messenger'], 'similarweb-2022', { line: 'common' }),
  TH: entry(['line', 'messenger'], 'similarweb-2022', { line: 'common' }),
  VN: entry(['zalo', 'messenger'], 'similarweb-2022', { zalo: 'common' }),
  HK: entry(['whatsapp', 'wechat'], 'similarweb-2022', WA),
  SG: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  MY: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  ID: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  PH: entry(['messenger', 'viber'], 'similarweb-2022'),
  // Americas
  US: entry(['messenger', 'whatsapp'], 'similarweb-2022', {}, ['sms']),
  CA: entry(['messenger', 'whatsapp'], 'similarweb-2022', {}, ['sms']),
  MX: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  BR: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  AR: entry(['whatsapp', 'telegram'], 'similarweb-2022', WA),
  CL: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  CO: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  PE: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  VE: entry(['telegram', 'whatsapp'], 'similarweb-2022', WA),
  EC: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  UY: entry(['whatsapp'], 'similarweb-2023', WA),
  CU: entry(['whatsapp'], 'similarweb-2016'),
  // Europe
  DE: entry(['whatsapp', 'telegram'], 'similarweb-2023'),
  AT: entry(['whatsapp', 'telegram'], 'similarweb-2023'),
  CH: entry(['whatsapp', 'telegram'], 'similarweb-2023'),
  NL: entry(['whatsapp', 'telegram'], 'similarweb-2022', WA),
  BE: entry(['whatsapp', 'messenger'], 'similarweb-2023'),
  FR: entry(['whatsapp', 'messenger'], 'similarweb-2023'),
  GB: entry(['whatsapp', 'messenger'], 'similarweb-2022'),
  IE: entry(['whatsapp', 'messenger'], 'similarweb-2023'),
  FI: entry(['whatsapp', 'telegram'], 'similarweb-2023'),
  SE: entry(['messenger', 'whatsapp'], 'similarweb-2022'),
  DK: entry(['messenger', 'whatsapp'], 'similarweb-2022'),
  NO: entry(['messenger', 'whatsapp'], 'similarweb-2022'),
  PL: entry(['messenger', 'whatsapp'], 'similarweb-2022'),
  IT: entry(['whatsapp', 'telegram'], 'similarweb-2022', WA),
  ES: entry(['whatsapp', 'telegram'], 'similarweb-2022', WA),
  PT: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  GR: entry(['viber', 'whatsapp'], 'similarweb-2022', { viber: 'common' }),
  CY: entry(['viber', 'whatsapp'], 'similarweb-2022'),
  UA: entry(['viber', 'telegram'], 'similarweb-2022', { viber: 'common' }),
  BY: entry(['viber', 'telegram'], 'similarweb-2016'),
  MD: entry(['viber', 'whatsapp'], 'similarweb-2016'),
  RU: entry(['telegram', 'whatsapp'], 'similarweb-2023', { telegram: 'common' }),
  LT: entry(['telegram', 'messenger'], 'similarweb-2022'),
  AM: entry(['telegram', 'whatsapp'], 'similarweb-2022'),
  TR: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  // Middle East and Africa
  IL: entry(['whatsapp', 'telegram'], 'similarweb-2022', WA),
  SA: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  AE: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  QA: entry(['whatsapp'], 'similarweb-2023', WA),
  KW: entry(['whatsapp'], 'similarweb-2023', WA),
  EG: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  IQ: entry(['viber', 'whatsapp'], 'similarweb-2016'),
  LY: entry(['viber', 'whatsapp'], 'similarweb-2016'),
  IR: entry(['telegram', 'whatsapp'], 'similarweb-2016', { telegram: 'common' }),
  MA: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  NG: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  KE: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  ZA: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  GH: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  // South Asia
  IN: entry(['whatsapp', 'telegram'], 'similarweb-2023', WA),
  PK: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  BD: entry(['whatsapp', 'messenger'], 'similarweb-2023', WA),
  LK: entry(['viber', 'whatsapp'], 'similarweb-2016'),
  // Oceania
  AU: entry(['messenger', 'whatsapp'], 'similarweb-2022', {}, ['sms']),
  NZ: entry(['messenger', 'whatsapp'], 'similarweb-2022', {}, ['sms']),
};

/** What we assume where no edition names a leader: WhatsApp led in 109 of 187 countries (2016). */
export const DEFAULT_MESSAGING: MessagingEntry = {
  apps: ['whatsapp', 'messenger'],
  businessUse: {},
  also: [],
  asOf: '2016',
  sources: ['similarweb-2016', 'global-default'],
};
