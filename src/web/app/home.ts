import type { PermissionCheck } from './use-permission';

/** Where a user lands after signing in or opening `/`: the portal for who works there, else their queue. */
export function homeFor(check: PermissionCheck): string {
  return check('workspace', 'portal') ? '/portal' : '/views/mine';
}
