import SettingOutlined from '@ant-design/icons/es/icons/SettingOutlined';
import TeamOutlined from '@ant-design/icons/es/icons/TeamOutlined';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Role } from './api/types';

/**
 * Every page of the app frame, in menu order. A feature adds itself with one entry here
 * (and its labelKey in both catalogues): the route, the menu item and the role check follow.
 */
export interface PageEntry {
  /** Unique; also the menu item's key. */
  key: string;
  /** Absolute path; may end in '/*' when the page has sub-routes of its own. */
  path: string;
  icon: ReactNode;
  /** i18n key of the menu label and the page title. */
  labelKey: string;
  /** Who sees the item and may open the page. */
  roles: readonly Role[];
  /** The menu group it sits under (see MENU_GROUPS), or top level when absent. */
  group?: MenuGroupKey;
  component: LazyExoticComponent<ComponentType>;
}

export const MENU_GROUPS = {
  settings: { labelKey: 'nav.settings', icon: <SettingOutlined /> },
} satisfies Record<string, { labelKey: string; icon: ReactNode }>;

export type MenuGroupKey = keyof typeof MENU_GROUPS;

export const PAGES: readonly PageEntry[] = [
  {
    key: 'users',
    path: '/settings/users',
    icon: <TeamOutlined />,
    labelKey: 'nav.usersAndTeams',
    // Reps have no use for the org chart; managers see it read-only.
    roles: ['admin', 'manager'],
    group: 'settings',
    component: lazy(() => import('./pages/settings/UsersPage')),
  },
];

export function pagesFor(role: Role): PageEntry[] {
  return PAGES.filter((page) => page.roles.includes(role));
}

/** Where `/` leads: the first page in menu order that this role may open. */
export function homePathFor(role: Role): string | null {
  const first = pagesFor(role)[0];
  return first ? first.path.replace(/\/\*$/, '') : null;
}
