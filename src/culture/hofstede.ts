/**
 * Parsing of the Hofstede 2015 six-dimension matrix into ISO-keyed, clamped scores, and the
 * gap-filling rule (regional aggregate rows stand in for missing dimensions, flagged as such).
 */
import {
  HOFSTEDE_NATIONAL, HOFSTEDE_SUBNATIONAL, regionalProxyFor, type RegionalAggregate,
} from './data/hofstede-codes.js';
import { HOFSTEDE_DIMENSIONS, type HofstedeDimension, type HofstedeScores, type SubNationalScores } from './types.js';

export interface HofstedeRow {
  ctr: string;
  name: string;
  scores: HofstedeScores;
  /** Dimensions whose raw value lay outside 0–100 and was clamped, with the raw value. */
  clamped: Partial<Record<HofstedeDimension, number>>;
}

export interface HofstedeTable {
  national: Map<string, HofstedeRow>;
  aggregates: Map<RegionalAggregate, HofstedeRow>;
  subNational: Map<string, SubNationalScores[]>;
  /** Codes present in the file that the hand mapping does not know (should stay empty). */
  unmapped: string[];
}

const COLUMN_OF: Record<HofstedeDimension, string> = {
  pdi: 'pdi', idv: 'idv', mas: 'mas', uai: 'uai', lto: 'ltowvs', ivr: 'ivr',
};

/** Clamps a raw score into 0–100; some published raw values exceed 100 (Greece UAI 112). */
export function clampScore(raw: number): number {
  return Math.min(100, Math.max(0, raw));
}

function parseRow(header: string[], line: string): HofstedeRow {
  const cells = line.split(';').map((c) => c.trim());
  const get = (col: string) => cells[header.indexOf(col)] ?? '';
  const scores = {} as HofstedeScores;
  const clamped: HofstedeRow['clamped'] = {};
  for (const dim of HOFSTEDE_DIMENSIONS) {
    const cell = get(COLUMN_OF[dim]);
    if (cell === '' || cell === '#NULL!') {
      scores[dim] = null;
      continue;
    }
    const raw = Number(cell);
    if (!Number.isFinite(raw)) throw new Error(`Hofstede: bad ${dim} value "${cell}" for ${get('ctr')}`);
    scores[dim] = clampScore(raw);
    if (raw !== scores[dim]) clamped[dim] = raw;
  }
  return { ctr: get('ctr'), name: get('country'), scores, clamped };
}

/**
 * Parses the semicolon-separated Hofstede file (header `ctr;country;pdi;idv;mas;uai;ltowvs;ivr`,
 * `#NULL!` for missing) into national rows keyed by ISO alpha-2, the three regional aggregates
 * and the sub-national rows grouped under their country. Pure so it can be tested on any text.
 */
export function parseHofstedeCsv(text: string): HofstedeTable {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(';').map((h) => h.trim().toLowerCase());
  for (const col of ['ctr', 'country', ...Object.values(COLUMN_OF)]) {
    if (!header.includes(col)) throw new Error(`Hofstede: missing column "${col}"`);
  }
  const table: HofstedeTable = { national: new Map(), aggregates: new Map(), subNational: new Map(), unmapped: [] };
  for (const line of lines) {
    const row = parseRow(header, line);
    if (row.ctr === 'ARA' || row.ctr === 'AFE' || row.ctr === 'AFW') {
      table.aggregates.set(row.ctr, row);
    } else if (HOFSTEDE_NATIONAL[row.ctr]) {
      table.national.set(HOFSTEDE_NATIONAL[row.ctr], row);
    } else if (HOFSTEDE_SUBNATIONAL[row.ctr]) {
      const iso = HOFSTEDE_SUBNATIONAL[row.ctr];
      const list = table.subNational.get(iso) ?? [];
      list.push({ code: row.ctr, name: row.name, scores: row.scores });
      table.subNational.set(iso, list);
    } else {
      table.unmapped.push(row.ctr);
    }
  }
  return table;
}

export type ScoreOrigin = 'national' | 'proxy' | 'global-mean' | 'none';

export interface ResolvedScore {
  value: number | null;
  origin: ScoreOrigin;
  proxy?: RegionalAggregate;
  rawClamped?: number;
}

/** Mean of each dimension over all national rows that have it: the global default. */
export function globalMeans(table: HofstedeTable): Record<HofstedeDimension, number> {
  const out = {} as Record<HofstedeDimension, number>;
  for (const dim of HOFSTEDE_DIMENSIONS) {
    const values = [...table.national.values()].map((r) => r.scores[dim]).filter((v): v is number => v !== null);
    out[dim] = Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  }
  return out;
}

/**
 * Scores for one country with gaps filled: the national value when published, else the
 * regional aggregate the country belongs to (ARA, AFE, AFW), else null — never a silent guess.
 * Each value says where it came from so the profile can flag proxies.
 */
export function resolveHofstede(table: HofstedeTable, iso2: string): Record<HofstedeDimension, ResolvedScore> {
  const row = table.national.get(iso2);
  const proxyCode = regionalProxyFor(iso2);
  const proxy = proxyCode ? table.aggregates.get(proxyCode) : undefined;
  const out = {} as Record<HofstedeDimension, ResolvedScore>;
  for (const dim of HOFSTEDE_DIMENSIONS) {
    const own = row?.scores[dim] ?? null;
    if (own !== null) {
      out[dim] = { value: own, origin: 'national', ...(row?.clamped[dim] !== undefined ? { rawClamped: row.clamped[dim] } : {}) };
    } else if (proxy && proxyCode && proxy.scores[dim] !== null) {
      out[dim] = { value: proxy.scores[dim], origin: 'proxy', proxy: proxyCode };
    } else {
      out[dim] = { value: null, origin: 'none' };
    }
  }
  return out;
}
