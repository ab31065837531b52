import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's names for whole ranges, which Fastify's trustProxy understands too. */
const namedRanges = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * RAPPORT_TRUST_PROXY → Fastify's `trustProxy`. Off unless set: trusting X-Forwarded-For from
 * anyone lets every client pick its own address, and with it its own rate-limit bucket. `true`
 * is refused for that reason; a hop count or the proxies' addresses say which hops to believe.
 */
export function parseTrustProxy(value: string | undefined, ctx?: z.RefinementCtx): false | number | string[] {
  const v = value?.trim().toLowerCase() ?? '';
  if (v === '' || v === 'none' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const fail = (message: string) => {
    ctx?.addIssue({ code: 'custom', message });
    return false as const;
  };
  if (v === 'true') return fail('true would believe X-Forwarded-For from any client; give the number of proxies in front of Rapport (e.g. 1) or their addresses (e.g. 127.0.0.1,10.0.0.0/8)');
  const entries = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const entry of entries) {
    if (namedRanges.includes(entry)) continue;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk || extra !== undefined) {
      return fail(`${entry} is not a hop count, an IP address, a CIDR range (10.0.0.0/8) or one of ${namedRanges.join(', ')}`);
    }
  }
  return entries;
}

/** RAPPORT_ALLOWED_ORIGINS: extra origins (scheme://host[:port]) whose pages may send cookie-authenticated writes. */
function parseOrigins(value: string | undefined, ctx?: z.RefinementCtx): string[] {
  const out: string[] = [];
  for (const entry of (value ?? '').split(',').map((x) => x.trim().replace(/\/+$/, '')).filter(Boolean)) {
    let origin: string | null;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = null;
    }
    if (!origin || origin === 'null' || origin !== entry.toLowerCase()) {
      ctx?.addIssue({ code: 'custom', message: `${entry} is not an origin such as http://localhost:5173 (scheme, host and port only)` });
      continue;
    }
    out.push(origin);
  }
  return out;
}

/** Every setting Rapport reads, from the environment, validated once at start-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  RAPPORT_DATA_DIR: z.string().default('./data'),
  RAPPORT_DEMO: z.enum(['true', 'false', '1', '0']).optional(),
  RAPPORT_ADMIN_EMAIL: z.string().email().optional(),
  RAPPORT_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  RAPPORT_PUBLIC_URL: z.string().url().optional(),
  RAPPORT_JOBS: z.enum(['true', 'false', '1', '0']).default('true'),
  RAPPORT_SESSION_DAYS: z.coerce.number().int().positive().default(14),
  RAPPORT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  RAPPORT_TRUST_PROXY: z.string().optional().transform((v, ctx) => parseTrustProxy(v, ctx)),
  RAPPORT_ALLOWED_ORIGINS: z.string().optional().transform((v, ctx) => parseOrigins(v, ctx)),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  publicUrl: string;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe (none by default). */
  trustProxy: false | number | string[];
  /** Origins whose pages may send cookie-authenticated writes and open the realtime socket. */
  allowedOrigins: string[];
  /**
   * Without RAPPORT_PUBLIC_URL the server does not know its own name, so a page from the host the
   * request was sent to (its Host header) counts as same-origin too.
   */
  sameHostOrigin: boolean;
  jobs: boolean;
  sessionDays: number;
  logLevel: string;
  /** Raw environment, so a capability can read its own optional settings through its own schema. */
  env: Record<string, string | undefined>;
};

const truthy = (v: string | undefined) => v === 'true' || v === '1';

/**
 * Reads and validates the environment. Throws one error listing every bad setting,
 * so an admin fixes them all in one go rather than one per restart.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const port = e.PORT;
  const publicUrl = e.RAPPORT_PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.RAPPORT_DATA_DIR,
    // Demo data is on by default for the embedded database (a first look), off on a real server.
    demo: e.RAPPORT_DEMO === undefined ? !e.DATABASE_URL : truthy(e.RAPPORT_DEMO),
    adminEmail: e.RAPPORT_ADMIN_EMAIL,
    adminPassword: e.RAPPORT_ADMIN_PASSWORD,
    publicUrl,
    trustProxy: e.RAPPORT_TRUST_PROXY,
    allowedOrigins: [...new Set([new URL(publicUrl).origin, ...e.RAPPORT_ALLOWED_ORIGINS])],
    sameHostOrigin: !e.RAPPORT_PUBLIC_URL,
    jobs: truthy(e.RAPPORT_JOBS),
    sessionDays: e.RAPPORT_SESSION_DAYS,
    logLevel: e.RAPPORT_LOG_LEVEL,
    env,
  };
}
