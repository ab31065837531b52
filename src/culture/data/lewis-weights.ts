/**
 * Our own Lewis weights: where each country sits in Richard D. Lewis's triangle
 * (When Cultures Collide, 3rd ed. 2006), as [linear-active, multi-active, reactive], summing
 * to 1. Lewis publishes positions on a diagram and descriptions, not numbers; these weights
 * are curated from those descriptions (confidence 'curated'), not copied from any table.
 *
 * Linear-active: plans, one thing at a time, facts, written and scheduled (DE, CH, US, Nordics).
 * Multi-active: talkative, people and relationships first, phone and repeated contact (IT, ES, LatAm, Arab world).
 * Reactive: listens, courteous, indirect, harmony and face (JP, CN, VN; Finland on the linear–reactive edge).
 */
export type LewisTriple = readonly [linearActive: number, multiActive: number, reactive: number];

export const LEWIS_WEIGHTS: Readonly<Record<string, LewisTriple>> = {
  // Germanic and Nordic Europe, Anglo world: linear-active
  DE: [0.75, 0.15, 0.1], AT: [0.65, 0.2, 0.15], CH: [0.75, 0.1, 0.15], LI: [0.7, 0.15, 0.15],
  NL: [0.7, 0.15, 0.15], LU: [0.6, 0.2, 0.2], DK: [0.6, 0.2, 0.2], SE: [0.6, 0.1, 0.3],
  NO: [0.6, 0.15, 0.25], IS: [0.6, 0.15, 0.25], FI: [0.45, 0.1, 0.45], EE: [0.55, 0.1, 0.35],
  GB: [0.6, 0.2, 0.2], IE: [0.4, 0.45, 0.15], US: [0.7, 0.2, 0.1], CA: [0.6, 0.15, 0.25],
  AU: [0.6, 0.25, 0.15], NZ: [0.6, 0.2, 0.2], ZA: [0.45, 0.35, 0.2],
  // Central Europe and the Baltics: mixed linear / multi
  BE: [0.45, 0.35, 0.2], FR: [0.35, 0.5, 0.15], CZ: [0.5, 0.3, 0.2], SK: [0.4, 0.4, 0.2],
  PL: [0.35, 0.45, 0.2], HU: [0.35, 0.45, 0.2], SI: [0.45, 0.35, 0.2], LV: [0.5, 0.2, 0.3],
  LT: [0.45, 0.3, 0.25],
  // Southern Europe and the Mediterranean: multi-active
  IT: [0.2, 0.7, 0.1], ES: [0.15, 0.75, 0.1], PT: [0.2, 0.65, 0.15], GR: [0.1, 0.75, 0.15],
  CY: [0.15, 0.7, 0.15], MT: [0.25, 0.6, 0.15], AD: [0.3, 0.55, 0.15], IL: [0.3, 0.55, 0.15],
  TR: [0.2, 0.6, 0.2],
  // South-east Europe, former USSR, Caucasus: multi-active with reactive traits
  HR: [0.3, 0.5, 0.2], RS: [0.2, 0.65, 0.15], BA: [0.2, 0.6, 0.2], ME: [0.2, 0.6, 0.2],
  MK: [0.2, 0.6, 0.2], AL: [0.15, 0.65, 0.2], BG: [0.2, 0.65, 0.15], RO: [0.2, 0.65, 0.15],
  MD: [0.2, 0.6, 0.2], RU: [0.2, 0.6, 0.2], UA: [0.2, 0.6, 0.2], BY: [0.25, 0.55, 0.2],
  GE: [0.15, 0.65, 0.2], AM: [0.15, 0.65, 0.2], AZ: [0.15, 0.6, 0.25], KZ: [0.15, 0.5, 0.35],
  KG: [0.15, 0.5, 0.35], UZ: [0.15, 0.5, 0.35],
  // Middle East and North Africa: multi-active
  SA: [0.1, 0.75, 0.15], AE: [0.15, 0.7, 0.15], QA: [0.1, 0.75, 0.15], KW: [0.1, 0.75, 0.15],
  BH: [0.1, 0.75, 0.15], OM: [0.1, 0.7, 0.2], JO: [0.1, 0.75, 0.15], LB: [0.15, 0.75, 0.1],
  EG: [0.1, 0.75, 0.15], IQ: [0.1, 0.75, 0.15], SY: [0.1, 0.75, 0.15], PS: [0.1, 0.75, 0.15],
  YE: [0.1, 0.7, 0.2], LY: [0.1, 0.75, 0.15], TN: [0.15, 0.7, 0.15], DZ: [0.15, 0.7, 0.15],
  MA: [0.15, 0.7, 0.15], IR: [0.15, 0.6, 0.25],
  // South Asia: multi-active with strong reactive traits
  IN: [0.15, 0.55, 0.3], PK: [0.15, 0.55, 0.3], BD: [0.15, 0.55, 0.3], LK: [0.15, 0.45, 0.4],
  NP: [0.15, 0.45, 0.4],
  // East and South-east Asia: reactive
  JP: [0.1, 0.1, 0.8], CN: [0.1, 0.2, 0.7], KR: [0.15, 0.3, 0.55], TW: [0.15, 0.15, 0.7],
  HK: [0.25, 0.15, 0.6], SG: [0.3, 0.1, 0.6], VN: [0.1, 0.15, 0.75], TH: [0.1, 0.2, 0.7],
  ID: [0.1, 0.3, 0.6], MY: [0.15, 0.25, 0.6], PH: [0.1, 0.5, 0.4], KH: [0.1, 0.2, 0.7],
  MN: [0.15, 0.35, 0.5],
  // Latin America and the Caribbean: multi-active
  BR: [0.1, 0.75, 0.15], AR: [0.15, 0.7, 0.15], MX: [0.1, 0.7, 0.2], CL: [0.2, 0.65, 0.15],
  CO: [0.1, 0.75, 0.15], PE: [0.1, 0.7, 0.2], VE: [0.1, 0.75, 0.15], EC: [0.1, 0.7, 0.2],
  UY: [0.2, 0.65, 0.15], PY: [0.1, 0.7, 0.2], BO: [0.1, 0.65, 0.25], CR: [0.15, 0.65, 0.2],
  PA: [0.1, 0.7, 0.2], SV: [0.1, 0.7, 0.2], GT: [0.1, 0.65, 0.25], HN: [0.1, 0.7, 0.2],
  NI: [0.1, 0.7, 0.2], DO: [0.1, 0.75, 0.15], CU: [0.1, 0.75, 0.15], PR: [0.2, 0.65, 0.15],
  JM: [0.2, 0.6, 0.2], TT: [0.2, 0.6, 0.2], SR: [0.2, 0.5, 0.3],
  // Sub-Saharan Africa: multi-active with reactive traits
  NG: [0.15, 0.65, 0.2], GH: [0.15, 0.6, 0.25], KE: [0.15, 0.55, 0.3], TZ: [0.15, 0.55, 0.3],
  ET: [0.1, 0.5, 0.4], UG: [0.15, 0.55, 0.3], RW: [0.15, 0.45, 0.4], ZM: [0.15, 0.55, 0.3],
  ZW: [0.2, 0.55, 0.25], ML: [0.1, 0.6, 0.3], BF: [0.1, 0.6, 0.3], SN: [0.1, 0.65, 0.25],
  CI: [0.1, 0.65, 0.25],
};
