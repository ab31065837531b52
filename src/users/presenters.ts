import { z } from 'zod';
import type { teams, users } from './schema.js';
import { seniorities, userRoles } from './schema.js';
import { permissions, permissionsSchema, type Actor } from '../policies/index.js';

export const userSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    locale: z.string().nullable(),
    timeZone: z.string(),
    teamIds: z.array(z.string()),
    organisationId: z.string().nullable(),
    contactId: z.string().nullable(),
    languages: z.array(z.string()),
    skills: z.array(z.string()),
    seniority: z.enum(seniorities),
    active: z.boolean(),
    /** Whether this user may create personal API tokens: always for staff, when an admin allowed it for customers. */
    apiTokensAllowed: z.boolean(),
    /** Whether this user works at the desk (may be assigned tickets and be in teams), not a customer. */
    staff: z.boolean(),
    permissions: permissionsSchema('user', ['update']),
  })
  .meta({ id: 'User' });

export const teamSchema = z
  .object({ id: z.string().uuid(), name: z.string(), email: z.string().nullable(), timeZone: z.string(), memberIds: z.array(z.string()), permissions: permissionsSchema('team', ['update']) })
  .meta({ id: 'Team' });

/** The fields of a user the API shows (never the password hash), and what `actor` may do with it. */
export function presentUser(user: typeof users.$inferSelect, teamIds: string[], actor: Actor): z.infer<typeof userSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    timeZone: user.timeZone,
    teamIds,
    organisationId: user.organisationId,
    contactId: user.contactId,
    languages: user.languages,
    skills: user.skills,
    seniority: user.seniority,
    active: user.active,
    apiTokensAllowed: user.role !== 'customer' || user.apiTokensAllowed,
    staff: user.role !== 'customer',
    permissions: permissions(actor, 'user', undefined, ['update']),
  };
}

export function presentTeam(team: typeof teams.$inferSelect, memberIds: string[], actor: Actor): z.infer<typeof teamSchema> {
  return { id: team.id, name: team.name, email: team.email, timeZone: team.timeZone, memberIds, permissions: permissions(actor, 'team', undefined, ['update']) };
}
