import type { Role } from '../api/types';

/** Where a user lands after signing in or opening `/`. */
export function homeFor(role: Role): string {
  return role === 'customer' ? '/portal' : '/views/mine';
}
