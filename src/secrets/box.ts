/**
 * Secrets Rapport must use again (an IMAP password, a webhook signing key) cannot be hashed like
 * passwords; they are sealed with AES-256-GCM under a key that lives outside the database, so a
 * copy of the database (a backup, a dump, a read-only SQL injection) does not hand them over.
 *
 * Sealed form: `rsk1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id says which
 * key opens it, so keys can be rotated: the first key seals, every listed key opens.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretKey {
  id: string;
  key: Buffer;
}

export class SecretKeyMissingError extends Error {}

const PREFIX = 'rsk1';

export interface SecretBox {
  /** The id of the key new secrets are sealed with. */
  readonly currentKeyId: string;
  seal(plain: string): string;
  /** The plain secret. A value stored before sealing existed (no prefix) is returned as it is. */
  open(stored: string): string;
  /** Whether a stored value is sealed with the current key (else the next start re-seals it). */
  isCurrent(stored: string): boolean;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${PREFIX}.`);
}

export function secretBox(keys: SecretKey[]): SecretBox {
  if (keys.length === 0) throw new Error('A secret box needs at least one key.');
  for (const k of keys) if (k.key.length !== 32) throw new Error(`Secret key ${k.id} must be 32 bytes (it is ${k.key.length}).`);
  const [current] = keys as [SecretKey, ...SecretKey[]];
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    currentKeyId: current.id,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [PREFIX, current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    open(stored) {
      if (!isSealed(stored)) return stored;
      const [, id, iv, tag, data] = stored.split('.');
      const key = byId.get(id ?? '');
      if (!key) throw new SecretKeyMissingError(`A stored secret was sealed with key "${id}", which is not in RAPPORT_SECRET_KEYS; add that key back (after the current one), or enter the secret again.`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data!, 'base64url')), decipher.final()]).toString('utf8');
    },
    isCurrent(stored) {
      return isSealed(stored) && stored.split('.')[1] === current.id;
    },
  };
}
