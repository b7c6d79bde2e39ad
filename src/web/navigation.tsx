import AlertOutlined from '@ant-design/icons/es/icons/AlertOutlined';
import ApartmentOutlined from '@ant-design/icons/es/icons/ApartmentOutlined';
import AuditOutlined from '@ant-design/icons/es/icons/AuditOutlined';
import BarChartOutlined from '@ant-design/icons/es/icons/BarChartOutlined';
import BulbOutlined from '@ant-design/icons/es/icons/BulbOutlined';
import CalendarOutlined from '@ant-design/icons/es/icons/CalendarOutlined';
import CarryOutOutlined from '@ant-design/icons/es/icons/CarryOutOutlined';
import CheckSquareOutlined from '@ant-design/icons/es/icons/CheckSquareOutlined';
import ContactsOutlined from '@ant-design/icons/es/icons/ContactsOutlined';
import ControlOutlined from '@ant-design/icons/es/icons/ControlOutlined';
import DotChartOutlined from '@ant-design/icons/es/icons/DotChartOutlined';
import FieldTimeOutlined from '@ant-design/icons/es/icons/FieldTimeOutlined';
import FileSearchOutlined from '@ant-design/icons/es/icons/FileSearchOutlined';
import FilterOutlined from '@ant-design/icons/es/icons/FilterOutlined';
import FormOutlined from '@ant-design/icons/es/icons/FormOutlined';
import FundOutlined from '@ant-design/icons/es/icons/FundOutlined';
import GlobalOutlined from '@ant-design/icons/es/icons/GlobalOutlined';
import ImportOutlined from '@ant-design/icons/es/icons/ImportOutlined';
import LineChartOutlined from '@ant-design/icons/es/icons/LineChartOutlined';
import MailOutlined from '@ant-design/icons/es/icons/MailOutlined';
import NodeIndexOutlined from '@ant-design/icons/es/icons/NodeIndexOutlined';
import NotificationOutlined from '@ant-design/icons/es/icons/NotificationOutlined';
import PieChartOutlined from '@ant-design/icons/es/icons/PieChartOutlined';
import ProjectOutlined from '@ant-design/icons/es/icons/ProjectOutlined';
import RiseOutlined from '@ant-design/icons/es/icons/RiseOutlined';
import SafetyCertificateOutlined from '@ant-design/icons/es/icons/SafetyCertificateOutlined';
import ScheduleOutlined from '@ant-design/icons/es/icons/ScheduleOutlined';
import SettingOutlined from '@ant-design/icons/es/icons/SettingOutlined';
import ShareAltOutlined from '@ant-design/icons/es/icons/ShareAltOutlined';
import StarOutlined from '@ant-design/icons/es/icons/StarOutlined';
import TeamOutlined from '@ant-design/icons/es/icons/TeamOutlined';
import TrophyOutlined from '@ant-design/icons/es/icons/TrophyOutlined';
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
    // 公海: the customers nobody holds, to claim (认领).
    key: 'pool',
    path: '/pool',
    icon: <GlobalOutlined />,
    labelKey: 'nav.pool',
    roles: ['admin', 'manager', 'rep'],
    component: lazy(() => import('./pages/pool/PoolPage')),
  },
  {
    key: 'myList',
    path: '/my-list',
    icon: <CarryOutOutlined />,
    labelKey: 'nav.myList',
    roles: ['admin', 'manager', 'rep'],
    component: lazy(() => import('./pages/pool/MyListPage')),
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
    // 询盘: the inquiry inbox, classified with the seeds' playbooks.
    key: 'inquiries',
    path: '/inquiries',
    icon: <MailOutlined />,
    labelKey: 'nav.inquiries',
    roles: ['admin', 'manager', 'rep'],
    component: lazy(() => import('./pages/qualification/InquiriesPage')),
  },
  {
    // 市场活动: seminars, exhibitions, user conferences, roadshows and who came.
    key: 'campaigns',
    path: '/campaigns/*',
    icon: <NotificationOutlined />,
    labelKey: 'nav.campaigns',
    roles: ['admin', 'manager', 'rep'],
    component: lazy(() => import('./pages/campaigns/CampaignsPage')),
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
    // 销售漏斗报表: stages now, reached and conversion, and the report's other views.
    key: 'funnelReport',
    path: '/reports/funnel',
    icon: <FilterOutlined />,
    labelKey: 'nav.funnelReport',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/reports/FunnelReportPage')),
  },
  {
    // 销售预测: weighted pipeline, history, committed, against targets; backtest.
    key: 'forecast',
    path: '/reports/forecast',
    icon: <LineChartOutlined />,
    labelKey: 'nav.forecast',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/reports/ForecastPage')),
  },
  {
    // 客户价值评估: current revenue against potential, four quadrants.
    key: 'accountAssessment',
    path: '/reports/account-assessment',
    icon: <DotChartOutlined />,
    labelKey: 'nav.accountAssessment',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/reports/AccountAssessmentPage')),
  },
  {
    // 工作数据: each rep's activities, effective communications, new customers, targets.
    key: 'workData',
    path: '/reports/work-data',
    icon: <ScheduleOutlined />,
    labelKey: 'nav.workData',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/workData/WorkDataPage')),
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
    // 半月漏斗报表: reps file on the 1st and 16th; managers see submissions and 漏网率.
    key: 'funnelReviews',
    path: '/reports/funnel-reviews/*',
    icon: <AuditOutlined />,
    labelKey: 'nav.funnelReviews',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/funnelReviews/FunnelReviewsPage')),
  },
  {
    key: 'churnWarnings',
    path: '/reports/churn-warnings',
    icon: <AlertOutlined />,
    labelKey: 'nav.churnWarnings',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/qualification/ChurnWarningsPage')),
  },
  {
    key: 'inquiryReport',
    path: '/reports/inquiries',
    icon: <PieChartOutlined />,
    labelKey: 'nav.inquiryReport',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/qualification/InquiryReportPage')),
  },
  {
    key: 'ownershipReport',
    path: '/reports/ownership',
    icon: <FieldTimeOutlined />,
    labelKey: 'nav.ownershipReport',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/pool/OwnershipReportPage')),
  },
  {
    // 市场活动效果: what each campaign moved forward and won, by source channel.
    key: 'campaignReport',
    path: '/reports/campaigns',
    icon: <RiseOutlined />,
    labelKey: 'nav.campaignReport',
    roles: ['admin', 'manager', 'rep'],
    group: 'reports',
    component: lazy(() => import('./pages/campaigns/CampaignReportPage')),
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
    // 协同一览: who shares which customers with whom.
    key: 'shares',
    path: '/settings/shares',
    icon: <ShareAltOutlined />,
    labelKey: 'nav.shares',
    roles: ['admin', 'manager'],
    group: 'settings',
    component: lazy(() => import('./pages/collaborators/SharesPage')),
  },
  {
    // 操作日志: who did what, when and from where (the audit log, issue 10).
    key: 'auditLog',
    path: '/settings/audit',
    icon: <FileSearchOutlined />,
    labelKey: 'nav.auditLog',
    roles: ['admin'],
    group: 'settings',
    component: lazy(() => import('./pages/settings/AuditLogPage')),
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
    key: 'ownershipRules',
    path: '/settings/ownership',
    icon: <SafetyCertificateOutlined />,
    labelKey: 'nav.ownershipRules',
    roles: ['admin'],
    group: 'settings',
    component: lazy(() => import('./pages/ownership-settings/OwnershipSettingsPage')),
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
    key: 'leadScoring',
    path: '/settings/lead-scoring',
    icon: <StarOutlined />,
    labelKey: 'nav.leadScoring',
    roles: ['admin'],
    group: 'settings',
    component: lazy(() => import('./pages/qualification/ScoringSettingsPage')),
  },
  {
    // Managers may regrade now; only admins change the rules.
    key: 'customerGrading',
    path: '/settings/customer-grading',
    icon: <TrophyOutlined />,
    labelKey: 'nav.customerGrading',
    roles: ['admin', 'manager'],
    group: 'settings',
    component: lazy(() => import('./pages/qualification/GradingSettingsPage')),
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
