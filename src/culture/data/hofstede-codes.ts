/**
 * Hand-made mapping of the Hofstede 2015 file's own country codes (`ctr`) to ISO 3166-1
 * alpha-2. The file's codes are not ISO (GER, CHI, SPA, NET, SIN, TAI, IDO, IRA = Iran,
 * SAL = El Salvador, MNG = Montenegro, NIG = Nigeria …), so no automatic conversion is safe.
 */

/** National (or territory) rows: Hofstede ctr → ISO alpha-2. */
export const HOFSTEDE_NATIONAL: Readonly<Record<string, string>> = {
  ALB: 'AL', ALG: 'DZ', AND: 'AD', ARG: 'AR', ARM: 'AM', AUL: 'AU', AUT: 'AT', AZE: 'AZ',
  BAN: 'BD', BLR: 'BY', BEL: 'BE', BOS: 'BA', BRA: 'BR', BUL: 'BG', BUF: 'BF', CAN: 'CA',
  CHL: 'CL', CHI: 'CN', COL: 'CO', COS: 'CR', CRO: 'HR', CYP: 'CY', CZE: 'CZ', DEN: 'DK',
  ECA: 'EC', EGY: 'EG', ETH: 'ET', SAL: 'SV', EST: 'EE', FIN: 'FI', FRA: 'FR', GEO: 'GE',
  GER: 'DE', GHA: 'GH', GBR: 'GB', GRE: 'GR', GUA: 'GT', HOK: 'HK', HUN: 'HU', ICE: 'IS',
  IND: 'IN', IDO: 'ID', IRA: 'IR', IRQ: 'IQ', IRE: 'IE', ISR: 'IL', ITA: 'IT', JAM: 'JM',
  JPN: 'JP', JOR: 'JO', KOR: 'KR', KYR: 'KG', LAT: 'LV', LIT: 'LT', LUX: 'LU', MAC: 'MK',
  MAL: 'MY', MLI: 'ML', MLT: 'MT', MEX: 'MX', MOL: 'MD', MNG: 'ME', MOR: 'MA', NET: 'NL',
  NZL: 'NZ', NIG: 'NG', NOR: 'NO', PAK: 'PK', PAN: 'PA', PER: 'PE', PHI: 'PH', POL: 'PL',
  POR: 'PT', PUE: 'PR', ROM: 'RO', RUS: 'RU', RWA: 'RW', SAU: 'SA', SER: 'RS', SIN: 'SG',
  SLK: 'SK', SLV: 'SI', SAF: 'ZA', SPA: 'ES', SUR: 'SR', SWE: 'SE', SWI: 'CH', TAI: 'TW',
  TAN: 'TZ', THA: 'TH', TRI: 'TT', TUR: 'TR', USA: 'US', UGA: 'UG', UKR: 'UA', URU: 'UY',
  VEN: 'VE', VIE: 'VN', ZAM: 'ZM', ZIM: 'ZW',
};

/** Rows that describe part of a country; shown beside the national row, never used as it. */
export const HOFSTEDE_SUBNATIONAL: Readonly<Record<string, string>> = {
  BEF: 'BE', BEN: 'BE', CAF: 'CA', GEE: 'DE', SAW: 'ZA', SWF: 'CH', SWG: 'CH',
};

export type RegionalAggregate = 'ARA' | 'AFE' | 'AFW';

/** The three regional aggregate rows and the countries whose gaps each one fills. */
export const REGIONAL_PROXY_MEMBERS: Readonly<Record<RegionalAggregate, readonly string[]>> = {
  // Arab League members whose culture the "Arab countries" sample (EG, IQ, KW, LB, LY, SA, AE) speaks for.
  ARA: ['AE', 'BH', 'DZ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SY', 'TN', 'YE'],
  // "Africa East" was sampled in Ethiopia, Kenya, Tanzania and Zambia.
  AFE: ['BI', 'DJ', 'ER', 'ET', 'KE', 'MW', 'MZ', 'RW', 'SO', 'SS', 'TZ', 'UG', 'ZM', 'ZW'],
  // "Africa West" was sampled in Ghana, Nigeria and Sierra Leone.
  AFW: ['BF', 'BJ', 'CI', 'CV', 'GH', 'GM', 'GN', 'GW', 'LR', 'ML', 'NE', 'NG', 'SL', 'SN', 'TG'],
};

export const REGIONAL_AGGREGATE_NAMES: Readonly<Record<RegionalAggregate, string>> = {
  ARA: 'Arab countries',
  AFE: 'Africa East',
  AFW: 'Africa West',
};

/** The regional aggregate that stands in for a country's missing dimensions, if any. */
export function regionalProxyFor(iso2: string): RegionalAggregate | null {
  for (const [agg, members] of Object.entries(REGIONAL_PROXY_MEMBERS) as [RegionalAggregate, readonly string[]][]) {
    if (members.includes(iso2)) return agg;
  }
  return null;
}
