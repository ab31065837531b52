/**
 * The HTTP surface's defences (issue 10): sign-in limits that rotating X-Forwarded-For or
 * rotating accounts cannot escape and whose timing does not tell which accounts exist;
 * credentials that end with a new password, role or deactivation; API tokens that expire, are
 * listed and revoked, and never travel in a URL; the cross-site check on cookie-authenticated
 * writes and sockets; and the security headers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { addressBucket } from '../../src/http/rate-limit.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';
import { makeOrganisation, makeUser } from '../support/factories.js';

const publicUrl = 'https://help.example.test';
const evil = 'http://evil.example';
const webIndex = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));

type Headers = Record<string, string>;
const send = (r: TestRapport, method: string, url: string, options: { headers?: Headers; payload?: unknown; remoteAddress?: string } = {}) =>
  r.app.inject({ method: method as 'GET', url, headers: options.headers, payload: options.payload as object, remoteAddress: options.remoteAddress });

const login = (r: TestRapport, email: string, password: string, options: { headers?: Headers; remoteAddress?: string } = {}) =>
  send(r, 'POST', '/api/v1/auth/login', { ...options, payload: { email, password } });

const cookieOf = (res: Awaited<ReturnType<typeof login>>) => `rapport_session=${res.cookies.find((c) => c.name === 'rapport_session')!.value}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('settings of the HTTP defences', () => {
  it('trusts proxies only as configured, and refuses to trust every one', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'loopback']);
    expect(() => loadConfig({ RAPPORT_TRUST_PROXY: 'true' })).toThrow(/RAPPORT_TRUST_PROXY/);
    expect(() => loadConfig({ RAPPORT_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/RAPPORT_TRUST_PROXY/);
    expect(() => loadConfig({ RAPPORT_TRUST_PROXY: 'nginx' })).toThrow(/RAPPORT_TRUST_PROXY/);
  });

  it('counts IPv6 clients per /64', () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe(addressBucket('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressBucket('2001:db8:1:2::1')).not.toBe(addressBucket('2001:db8:1:3::1'));
    expect(addressBucket('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });
});

describe.each(databaseKinds)('security of the HTTP surface on %s', (kind) => {
  /** Behind https, with default proxy settings (no proxy trusted). */
  let r: TestRapport;
  /** No RAPPORT_PUBLIC_URL (the out-of-the-box server), one proxy hop trusted. */
  let plain: TestRapport;
  let adminCookie: string;

  beforeAll(async () => {
    r = await startTestRapport(kind, { env: { RAPPORT_PUBLIC_URL: publicUrl, RAPPORT_TELEGRAM_SECRET: 'tg-secret' } });
    plain = await startTestRapport(kind, { env: { RAPPORT_TRUST_PROXY: '1', RAPPORT_ALLOWED_ORIGINS: 'http://localhost:5173' } });
    adminCookie = await r.login(adminCredentials.email, adminCredentials.password);
  });
  afterAll(async () => {
    await r?.stop();
    await plain?.stop();
  });

  const asAdmin = (method: string, url: string, payload?: unknown) => send(r, method, url, { headers: { cookie: adminCookie }, payload });

  describe('sign-in limits (defect 3)', () => {
    it('refuses an account after 10 wrong passwords however X-Forwarded-For and the address rotate', async () => {
      const user = await makeUser(r.ctx.db, 'agent');
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await login(r, user.email, `wrong-${i}`, { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` }, remoteAddress: `198.51.100.${i + 1}` });
        statuses.push(res.statusCode);
      }
      expect(statuses.indexOf(429) + 1).toBe(11);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
      expect((await login(r, user.email, 'demo1234', { remoteAddress: '198.51.100.99' })).statusCode).toBe(429);
    });

    it('ignores X-Forwarded-For by default: one address rotating it is limited across 30 accounts', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const email = i % 3 === 0 ? (await makeUser(r.ctx.db, 'agent')).email : `nobody-${i}@nowhere.example`;
        const res = await login(r, email, 'guess-1', { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` }, remoteAddress: '192.0.2.10' });
        statuses.push(res.statusCode);
      }
      expect(statuses.indexOf(429) + 1).toBe(21);
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    });

    it('does not count right passwords: a busy office behind one address keeps signing in', async () => {
      const users = await Promise.all(Array.from({ length: 25 }, () => makeUser(r.ctx.db, 'agent')));
      for (const user of users) expect((await login(r, user.email, 'demo1234', { remoteAddress: '192.0.2.20' })).statusCode).toBe(200);
    });

    it('behind a trusted proxy, counts the forwarded address, and still each account', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) {
        statuses.push((await login(plain, `someone-${i}@nowhere.example`, 'guess-1', { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } })).statusCode);
      }
      expect(statuses.every((s) => s === 401)).toBe(true);
      const user = await makeUser(plain.ctx.db, 'agent');
      const perAccount: number[] = [];
      for (let i = 0; i < 12; i++) {
        perAccount.push((await login(plain, user.email, 'wrong', { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } })).statusCode);
      }
      expect(perAccount.indexOf(429) + 1).toBe(11);
    });

    it('answers as fast for an unknown email as for a known one', async () => {
      const known = await Promise.all([makeUser(r.ctx.db, 'agent'), makeUser(r.ctx.db, 'agent')]);
      const time = async (email: string, n: number) => {
        const started = process.hrtime.bigint();
        const res = await login(r, email, 'not-the-password', { remoteAddress: `10.9.${n >> 8}.${n & 255}` });
        expect(res.statusCode).toBe(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      await time('warm-up@nowhere.example', 1);
      await time(known[0].email, 2);
      const knownTimes: number[] = [];
      const unknownTimes: number[] = [];
      for (let i = 0; i < 8; i++) {
        knownTimes.push(await time(known[i % 2].email, 10 + i));
        unknownTimes.push(await time(`ghost-${i}@nowhere.example`, 100 + i));
      }
      const ratio = Math.max(median(knownTimes), median(unknownTimes)) / Math.min(median(knownTimes), median(unknownTimes));
      console.log(`sign-in timing on ${kind}: known ${median(knownTimes).toFixed(1)} ms, unknown ${median(unknownTimes).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
      expect(ratio).toBeLessThan(1.5);
    });
  });
});
