/** Whether a database error is a unique-constraint violation (PostgreSQL 23505; drizzle wraps it in `cause`). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
