import ApartmentOutlined from '@ant-design/icons/es/icons/ApartmentOutlined';
import BarChartOutlined from '@ant-design/icons/es/icons/BarChartOutlined';
import BulbOutlined from '@ant-design/icons/es/icons/BulbOutlined';
import CalendarOutlined from '@ant-design/icons/es/icons/CalendarOutlined';
import CheckSquareOutlined from '@ant-design/icons/es/icons/CheckSquareOutlined';
import ContactsOutlined from '@ant-design/icons/es/icons/ContactsOutlined';
import ControlOutlined from '@ant-design/icons/es/icons/ControlOutlined';
import FormOutlined from '@ant-design/icons/es/icons/FormOutlined';
import FundOutlined from '@ant-design/icons/es/icons/FundOutlined';
import ImportOutlined from '@ant-design/icons/es/icons/ImportOutlined';
import NodeIndexOutlined from '@ant-design/icons/es/icons/NodeIndexOutlined';
import ProjectOutlined from '@ant-design/icons/es/icons/ProjectOutlined';
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
  reports: { labelKey: 'nav.reports', icon: <BarChartOutlined /> },
  settings: { labelKey: 'nav.settings', icon: <SettingOutlined /> },
} satisfies Record<string, { labelKey: string; icon: ReactNode }>;

export type MenuGroupKey = keyof typeof MENU_GROUPS;

export const PAGES: readonly PageEntry[] = [
  {
    // 工作台: every role's home, so it comes first.
    key: 'myDay',
    path: '/my-day',
    icon: <CalendarOutlined />,
    labelKey: 'nav.myDay',
    roles: ['admin', 'manager', 'rep'],
    component: lazy(() => import('./pages/tasks/MyDayPage')),
  },
  {
    key: 'customers',
    path: '/customers/*',
    icon: <ContactsOutlined />,
    labelKey: 'nav.customers',
    roles: ['admin', 'manager', 'rep'],
    component: lazy(() => import('./pages/customers/CustomersPage')),
  },
  {
    key: 'dealBoard',
    path: '/deals',
    icon: <ProjectOutlined />,
    labelKey: 'nav.dealBoard',
    roles: ['admin', 'manager', 'rep'],
    component: lazy(() => import('./pages/deals/DealBoardPage')),
  },
  {
    key: 'tasks',
    path: '/tasks',
    icon: <CheckSquareOutlined />,
    labelKey: 'nav.tasks',
    roles: ['admin', 'manager', 'rep'],
    component: lazy(() => import('./pages/tasks/TasksPage')),
  },
  {
    key: 'revenueFunnel',
    path: '/reports/revenue-funnel',
    icon: <FundOutlined />,
    labelKey: 'nav.revenueFunnel',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/reports/RevenueFunnelPage')),
  },
  {
    key: 'imports',
    path: '/imports',
    icon: <ImportOutlined />,
    labelKey: 'nav.imports',
    roles: ['admin', 'manager', 'rep'],
    component: lazy(() => import('./pages/imports/ImportsPage')),
  },
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
  {
    key: 'funnels',
    path: '/settings/funnels/*',
    icon: <NodeIndexOutlined />,
    labelKey: 'nav.funnels',
    roles: ['admin'],
    group: 'settings',
    component: lazy(() => import('./pages/funnels/FunnelsPage')),
  },
  {
    key: 'orgSettings',
    path: '/settings/org',
    icon: <ControlOutlined />,
    labelKey: 'nav.orgSettings',
    roles: ['admin'],
    group: 'settings',
    component: lazy(() => import('./pages/settings/archive/OrgSettingsPage')),
  },
  {
    key: 'sourceChannels',
    path: '/settings/source-channels',
    icon: <ApartmentOutlined />,
    labelKey: 'nav.sourceChannels',
    roles: ['admin'],
    group: 'settings',
    component: lazy(() => import('./pages/settings/archive/SourceChannelsPage')),
  },
  {
    key: 'customFields',
    path: '/settings/custom-fields',
    icon: <FormOutlined />,
    labelKey: 'nav.customFields',
    roles: ['admin'],
    group: 'settings',
    component: lazy(() => import('./pages/settings/archive/CustomFieldsPage')),
  },
  {
    // Managers keep their team's talking points up to date too.
    key: 'topics',
    path: '/settings/topics',
    icon: <BulbOutlined />,
    labelKey: 'nav.topics',
    roles: ['admin', 'manager'],
    group: 'settings',
    component: lazy(() => import('./pages/settings/archive/TopicsPage')),
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
