/**
 * The channels' set-up: connecting mailboxes, chat widgets and routing is an admin's job; reading
 * how a channel is set up and its failures helps managers too.
 */
import { admins, allow, managers, type ResourceRules } from './rule.js';

export const channels = {
  read: allow(managers),
  update: allow(admins),
} satisfies ResourceRules;
