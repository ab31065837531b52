/**
 * The one way the web app decides what to offer: the server's answers, never the role. A record
 * carries the caller's `permissions` for it (tickets, users, customer records …); everything
 * else comes from the caller-wide map of `/auth/me`. Both are computed from the rules the server
 * enforces, so a button shown is an action the server accepts.
 */
import type { PermissionMap } from '../api/types';
import { useSession } from './session';

export type Resource = keyof PermissionMap;
export type Action<R extends Resource> = keyof PermissionMap[R] & string;
/** A resource and one of its actions, e.g. `['settings', 'read']`, for registries (navigation, routes, panels). */
export type Need = { [R in Resource]: readonly [R, Action<R>] }[Resource];
/** Anything that carries the caller's permissions on itself. */
export interface WithPermissions {
  permissions?: Partial<Record<string, boolean>>;
}

export type PermissionCheck = <R extends Resource>(resource: R, action: Action<R>, record?: WithPermissions | null) => boolean;

/** A check over one permission map: the record's own answer when it has one, else the map's. */
export function checkWith(map: PermissionMap | null | undefined): PermissionCheck {
  return (resource, action, record) => record?.permissions?.[action] ?? (map?.[resource] as Record<string, boolean> | undefined)?.[action] ?? false;
}

/** Whether a registry entry's `need` is met (no need: allowed). */
export const meets = (check: PermissionCheck, need: Need | undefined) => !need || check(need[0], need[1] as never);

/**
 * `usePermission('ticket', 'merge', ticket)`: may the signed-in user do it (on this record)?
 * `usePermission()`: the check itself, for lists and registries where one hook per item cannot be.
 */
export function usePermission(): PermissionCheck;
export function usePermission<R extends Resource>(resource: R, action: Action<R>, record?: WithPermissions | null): boolean;
export function usePermission<R extends Resource>(resource?: R, action?: Action<R>, record?: WithPermissions | null): boolean | PermissionCheck {
  const check = checkWith(useSession().permissions);
  return resource && action ? check(resource, action, record) : check;
}
