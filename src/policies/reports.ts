/** Who may read the desk's reports. */
import { allow, managers, type ResourceRules } from './rule.js';

export const reports = {
  read: allow(managers),
} satisfies ResourceRules;
