/**
 * Loads the vendored Hofstede file once per process. Separate from `hofstede.ts` so the
 * parser stays pure and the browser bundle never touches `node:fs`.
 */
import { readFileSync } from 'node:fs';
import { parseHofstedeCsv, type HofstedeTable } from './hofstede.js';

const CSV_URL = new URL('./data/hofstede-6d-2015-08-16.csv', import.meta.url);

let cached: HofstedeTable | null = null;

/** The parsed Hofstede table shipped in `data/`; read lazily because most requests never need it twice. */
export function hofstedeTable(): HofstedeTable {
  if (!cached) cached = parseHofstedeCsv(readFileSync(CSV_URL, 'utf8'));
  return cached;
}
