import { v7 } from 'uuid';

/**
 * A new primary key. UUIDv7 is time-ordered, so ids made in code keep B-tree inserts local
 * and work on PostgreSQL 15, which has no uuidv7() of its own.
 */
export function newId(): string {
  return v7();
}
