import type { Actor } from './actor.js';

/** The fields a rule may look at: anything that belongs to a customer organisation. */
export interface Owned {
  organisationId?: string | null;
  contactId?: string | null;
}

export type Rule = (actor: Actor, subject: Owned | undefined) => boolean;

/** A resource's rules by action. */
export type ResourceRules = Record<string, Rule>;
