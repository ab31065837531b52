/**
 * Which area of the web app the caller works in: staff in the agent workspace, customer users in
 * the portal. The API never asks; the web app's routes, navigation and home page do.
 */
import { allow, customers, staff, type ResourceRules } from './rule.js';

export const workspace = {
  agent: allow(staff),
  portal: allow(customers),
} satisfies ResourceRules;
