import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSealed, secretBox, SecretKeyMissingError } from './box.js';
import { loadSecretKeys, parseSecretKeys } from './keys.js';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('sealed secrets', () => {
  it('seals so that the stored value shows nothing of the secret, and opens it again', () => {
    const box = secretBox([key('k1')]);
    const sealed = box.seal('imap-pass-ĄĘ-密码');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('imap-pass');
    expect(box.seal('same')).not.toBe(box.seal('same')); // a fresh IV each time
    expect(box.open(sealed)).toBe('imap-pass-ĄĘ-密码');
  });

  it('opens values sealed under an older key and tells which are not current', () => {
    const old = key('2025');
    const sealedOld = secretBox([old]).seal('s3cret');
    const rotated = secretBox([key('2026'), old]);
    expect(rotated.open(sealedOld)).toBe('s3cret');
    expect(rotated.isCurrent(sealedOld)).toBe(false);
    expect(rotated.isCurrent(rotated.seal('x'))).toBe(true);
  });

  it('refuses a tampered value and names a missing key', () => {
    const box = secretBox([key('k1')]);
    const parts = box.seal('s3cret').split('.');
    parts[4] = Buffer.from('forged').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => secretBox([key('other')]).open(box.seal('x'))).toThrow(SecretKeyMissingError);
  });

  it('returns a value stored before sealing existed as it is (the next start seals it)', () => {
    const box = secretBox([key('k1')]);
    expect(box.open('plain-old-password')).toBe('plain-old-password');
    expect(box.isCurrent('plain-old-password')).toBe(false);
  });

  it('reads keys from the setting, with clear errors for bad ones', () => {
    const a = randomBytes(32).toString('base64');
    expect(parseSecretKeys(`new:${a}, old:${a}`).map((k) => k.id)).toEqual(['new', 'old']);
    expect(() => parseSecretKeys('nokey')).toThrow(/id:base64key/);
    expect(() => parseSecretKeys(`short:${randomBytes(8).toString('base64')}`)).toThrow(/32 bytes/);
  });

  it('creates a key file readable by its owner only when no setting is given, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-keys-'));
    const first = loadSecretKeys({}, dir);
    expect(first.source).toBe('key-file');
    expect(statSync(join(dir, 'secret.key')).mode & 0o077).toBe(0);
    expect(loadSecretKeys({}, dir).keys[0]!.key.equals(first.keys[0]!.key)).toBe(true);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toMatch(/^local:/);
  });
});
