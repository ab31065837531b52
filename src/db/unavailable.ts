/**
 * Whether a database error means the database is out of reach for a moment — the server
 * restarting or shutting down (SQLSTATE 57P01–57P03), a lost or refused connection (class 08,
 * ECONNREFUSED/ECONNRESET…), too many connections (53300) — rather than a fault of the request.
 * The HTTP layer answers these 503 with Retry-After, so clients and a load balancer know that
 * the same request may succeed shortly; anything else stays a 500.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | null, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
    if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)$/.test(code)) return true;
    // node-postgres says so only in words when a connection dies under a query or cannot be had.
    if (typeof e.message === 'string' && /connection terminated|timeout exceeded when trying to connect|client has encountered a connection error|cannot use a pool after calling end/i.test(e.message)) return true;
  }
  return false;
}
