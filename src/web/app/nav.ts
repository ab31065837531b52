/**
 * The navigation menu. Adding a page to the menu is one line in `navItems`; the label is a
 * message id from your own catalogue (`src/web/i18n/<capability>.<locale>.json`).
 */
import {
  IconBuilding,
  IconCalendarTime,
  IconChecklist,
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
import type { Role } from '../api/types';

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
  /** Who sees the item; omitted means every signed-in staff user (portal items: every customer). */
  roles?: readonly Role[];
  /** Route prefix that marks the item active when it differs from `to`. */
  match?: string;
}

const managers: readonly Role[] = ['admin', 'manager'];

export const navItems: NavItem[] = [
  { id: 'view-mine', to: '/views/mine', label: 'nav.views.mine', icon: IconUserCircle, section: 'views', order: 10 },
  { id: 'view-unassigned', to: '/views/unassigned', label: 'nav.views.unassigned', icon: IconUserQuestion, section: 'views', order: 20 },
  { id: 'view-team', to: '/views/team', label: 'nav.views.team', icon: IconUsersGroup, section: 'views', order: 30 },
  { id: 'view-open', to: '/views/open', label: 'nav.views.open', icon: IconInbox, section: 'views', order: 40 },
  { id: 'view-all', to: '/views/all', label: 'nav.views.all', icon: IconStack2, section: 'views', order: 50 },
  { id: 'organisations', to: '/organisations', label: 'nav.organisations', icon: IconBuilding, section: 'customers', order: 10, match: '/organisations' },
  { id: 'cultures', to: '/cultures', label: 'nav.cultures', icon: IconWorld, section: 'reports', order: 50, roles: managers, match: '/cultures' },
  { id: 'users', to: '/admin/users', label: 'nav.admin.users', icon: IconUsers, section: 'admin', order: 10, roles: managers },
  { id: 'teams', to: '/admin/teams', label: 'nav.admin.teams', icon: IconUsersGroup, section: 'admin', order: 20, roles: managers },
  { id: 'calendars', to: '/admin/calendars', label: 'nav.admin.calendars', icon: IconCalendarTime, section: 'admin', order: 30, roles: managers },
  { id: 'sla-policies', to: '/admin/sla-policies', label: 'nav.admin.slaPolicies', icon: IconTargetArrow, section: 'admin', order: 40, roles: managers },
  { id: 'channels', to: '/admin/channels', label: 'nav.admin.channels', icon: IconPlugConnected, section: 'admin', order: 50, roles: managers },
  { id: 'jobs', to: '/admin/jobs', label: 'nav.admin.jobs', icon: IconChecklist, section: 'admin', order: 60, roles: ['admin'] },
  { id: 'portal-tickets', to: '/portal', label: 'nav.portal.tickets', icon: IconTicket, section: 'portal', order: 10, roles: ['customer'] },
  { id: 'portal-new', to: '/portal/tickets/new', label: 'nav.portal.new', icon: IconPlus, section: 'portal', order: 20, roles: ['customer'] },
];

/** The items a user may see, grouped by section in display order. */
export function navFor(role: Role): { section: NavSection; items: NavItem[] }[] {
  const visible = navItems.filter((item) =>
    item.roles ? item.roles.includes(role) : role === 'customer' ? item.section === 'portal' : item.section !== 'portal',
  );
  return navSections
    .map((section) => ({ section, items: visible.filter((i) => i.section === section).sort((a, b) => a.order - b.order) }))
    .filter((group) => group.items.length > 0);
}
