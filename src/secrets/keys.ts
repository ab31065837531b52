/**
 * Where the secret keys come from: RAPPORT_SECRET_KEYS (`id:base64key[,id:base64key…]`, the
 * first seals, all open — every node of a cluster needs the same list), or else a key file that
 * Rapport creates in its data folder on first start, so the embedded single-node default needs
 * no setting. An in-memory data folder (tests) gets a key that lives as long as the process.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretKey } from './box.js';

export function parseSecretKeys(value: string): SecretKey[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at);
    if (at < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`RAPPORT_SECRET_KEYS: "${entry.slice(0, 12)}…" is not id:base64key (id of letters, digits, - or _).`);
    const key = Buffer.from(entry.slice(at + 1), 'base64');
    if (key.length !== 32) throw new Error(`RAPPORT_SECRET_KEYS: key "${id}" must be 32 bytes of base64 (openssl rand -base64 32); it is ${key.length} bytes.`);
    return { id, key };
  });
}

export interface SecretKeySource {
  keys: SecretKey[];
  /** Where they came from, for the start-up log. */
  source: 'setting' | 'key-file' | 'memory';
}

export function loadSecretKeys(env: Record<string, string | undefined>, dataDir: string): SecretKeySource {
  if (env.RAPPORT_SECRET_KEYS?.trim()) return { keys: parseSecretKeys(env.RAPPORT_SECRET_KEYS), source: 'setting' };
  if (dataDir.startsWith('memory://')) return { keys: [{ id: 'memory', key: randomBytes(32) }], source: 'memory' };
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // Readable by Rapport's user only; `wx` so two processes starting at once cannot both write it.
    try {
      writeFileSync(file, `local:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return { keys: parseSecretKeys(readFileSync(file, 'utf8')), source: 'key-file' };
}
