import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.js';
import { queryRows, type Db } from '../db/index.js';
import { createUser } from './store.js';

/**
 * Creates the first admin on an empty database, from RAPPORT_ADMIN_EMAIL / RAPPORT_ADMIN_PASSWORD
 * or with a generated password that is returned (and printed) once. Does nothing when users exist.
 */
export async function ensureFirstAdmin(db: Db, email?: string, password?: string): Promise<{ email: string; password: string | null } | null> {
  const adminEmail = email ?? 'admin@rapport.example';
  const generated = password ? null : randomBytes(12).toString('base64url');
  return db.transaction(async (tx) => {
    // Several nodes may start at once on one PostgreSQL: the lock makes exactly one create the admin.
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    const [{ count }] = await queryRows<{ count: number }>(tx, sql`select count(*)::int as count from users where role = 'admin'`);
    if (count > 0) return null;
    const user = await createUser(tx, { email: adminEmail, name: 'Administrator', role: 'admin', password: password ?? generated!, timeZone: 'UTC' });
    await recordAudit(tx, { actorLabel: 'system', entity: 'user', entityId: user.id, action: 'create_first_admin' });
    return { email: adminEmail, password: generated };
  });
}
