/**
 * The navigation menu. Adding a page to the menu is one line in `navItems`; the label is a
 * message id from your own catalogue (`src/web/i18n/<capability>.<locale>.json`).
 */
import {
  IconBuilding,
  IconCalendarTime,
  IconChecklist, IconShieldLock, IconTemplate,
  IconInbox,
  IconPlugConnected,
  IconPlus,
  IconStack2,
  IconTargetArrow,
  IconTicket,
  IconUserCircle,
  IconUserQuestion,
  IconUsers,
  IconUsersGroup,
  IconWorld,
  type TablerIcon,
} from '@tabler/icons-react';
import { meets, type Need, type PermissionCheck } from './use-permission';

/** Sections of the agent navigation, in display order; label ids are `nav.section.<id>`. */
export const navSections = ['views', 'customers', 'reports', 'admin', 'portal'] as const;
export type NavSection = (typeof navSections)[number];

export interface NavItem {
  id: string;
  /** Where the link goes. */
  to: string;
  /** Message id of the label. */
  label: string;
  icon: TablerIcon;
  section: NavSection;
  /** Position inside the section, ascending. */
  order: number;
  /** The permission that shows the item; omitted means whoever works in its area (`workspace.agent`, portal items `workspace.portal`). */
  need?: Need;
  /** Route prefix that marks the item active when it differs from `to`. */
  match?: string;
}

// Administration pages open for whoever may read the desk's settings (admins and managers today).
const administers: Need = ['settings', 'read'];

export const navItems: NavItem[] = [
  { id: 'view-mine', to: '/views/mine', label: 'nav.views.mine', icon: IconUserCircle, section: 'views', order: 10 },
  { id: 'view-unassigned', to: '/views/unassigned', label: 'nav.views.unassigned', icon: IconUserQuestion, section: 'views', order: 20 },
  { id: 'view-team', to: '/views/team', label: 'nav.views.team', icon: IconUsersGroup, section: 'views', order: 30 },
  { id: 'view-open', to: '/views/open', label: 'nav.views.open', icon: IconInbox, section: 'views', order: 40 },
  { id: 'view-all', to: '/views/all', label: 'nav.views.all', icon: IconStack2, section: 'views', order: 50 },
  { id: 'macros', to: '/macros', label: 'nav.macros', icon: IconTemplate, section: 'views', order: 90, need: ['macro', 'list'] },
  { id: 'organisations', to: '/organisations', label: 'nav.organisations', icon: IconBuilding, section: 'customers', order: 10, match: '/organisations' },
  { id: 'cultures', to: '/cultures', label: 'nav.cultures', icon: IconWorld, section: 'reports', order: 50, need: ['culture', 'edit'], match: '/cultures' },
  { id: 'users', to: '/admin/users', label: 'nav.admin.users', icon: IconUsers, section: 'admin', order: 10, need: administers },
  { id: 'teams', to: '/admin/teams', label: 'nav.admin.teams', icon: IconUsersGroup, section: 'admin', order: 20, need: ['team', 'create'] },
  { id: 'calendars', to: '/admin/calendars', label: 'nav.admin.calendars', icon: IconCalendarTime, section: 'admin', order: 30, need: administers },
  { id: 'sla-policies', to: '/admin/sla-policies', label: 'nav.admin.slaPolicies', icon: IconTargetArrow, section: 'admin', order: 40, need: administers },
  { id: 'channels', to: '/admin/channels', label: 'nav.admin.channels', icon: IconPlugConnected, section: 'admin', order: 50, need: ['channels', 'read'] },
  { id: 'jobs', to: '/admin/jobs', label: 'nav.admin.jobs', icon: IconChecklist, section: 'admin', order: 60, need: ['job', 'list'] },
  { id: 'privacy', to: '/admin/privacy', label: 'nav.admin.privacy', icon: IconShieldLock, section: 'admin', order: 70, need: ['privacy', 'log'] },
  { id: 'portal-tickets', to: '/portal', label: 'nav.portal.tickets', icon: IconTicket, section: 'portal', order: 10 },
  { id: 'portal-new', to: '/portal/tickets/new', label: 'nav.portal.new', icon: IconPlus, section: 'portal', order: 20 },
];

const areaNeed = (item: NavItem): Need => (item.section === 'portal' ? ['workspace', 'portal'] : ['workspace', 'agent']);

/** The items a user may see (`check` from `usePermission()`), grouped by section in display order. */
export function navFor(check: PermissionCheck): { section: NavSection; items: NavItem[] }[] {
  const visible = navItems.filter((item) => meets(check, areaNeed(item)) && meets(check, item.need));
  return navSections
    .map((section) => ({ section, items: visible.filter((i) => i.section === section).sort((a, b) => a.order - b.order) }))
    .filter((group) => group.items.length > 0);
}
