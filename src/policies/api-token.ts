/**
 * Personal API tokens: staff always; a customer only when an admin allowed it on their user (the
 * subject is that user: `{ apiTokensAllowed }`).
 */
import { allow, customers, either, staff, type ResourceRules } from './rule.js';

export interface TokenOwner {
  apiTokensAllowed?: boolean;
}

export const apiToken = {
  create: either<TokenOwner>(allow(staff), allow(customers, (_, s) => s?.apiTokensAllowed === true)),
} satisfies ResourceRules<TokenOwner>;
