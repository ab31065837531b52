/** Who may do what with customer data: organisations, sites, contacts, contracts and assets. */
import { allow, customers, desk, either, everyone, ownsIt, staff, type ResourceRules } from './rule.js';

export const customer = {
  list: allow(everyone),
  read: either(allow(staff), allow(customers, ownsIt)),
  create: allow(desk),
  update: allow(desk),
} satisfies ResourceRules;
