import FunnelPlotOutlined from '@ant-design/icons/es/icons/FunnelPlotOutlined';
import MenuOutlined from '@ant-design/icons/es/icons/MenuOutlined';
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, theme } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, useLocation } from 'react-router';
import type { User } from '../api/types';
import { MENU_GROUPS, type MenuGroupKey, type PageEntry } from '../navigation';
import { LanguageSwitch } from './LanguageSwitch';
import { RemindersBell } from './RemindersBell';
import { UserMenu } from './UserMenu';

type MenuItem = Required<MenuProps>['items'][number];

const groupKey = (group: MenuGroupKey) => `group:${group}`;

/** The side menu from the page list: top-level pages, and groups in the order they first appear. */
function menuItems(pages: PageEntry[], t: TFunction): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<MenuGroupKey, MenuItem[]>();
  for (const page of pages) {
    const item: MenuItem = {
      key: page.key,
      icon: page.icon,
      label: <Link to={page.path.replace(/\/\*$/, '')}>{t(page.labelKey)}</Link>,
    };
    if (!page.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(page.group);
    if (!children) {
      children = [];
      groups.set(page.group, children);
      const group = MENU_GROUPS[page.group];
      items.push({
        key: groupKey(page.group),
        icon: group.icon,
        label: t(group.labelKey),
        children,
      });
    }
    children.push(item);
  }
  return items;
}

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Link to="/" style={{ color: token.colorText, whiteSpace: 'nowrap' }}>
      <Flex align="center" gap={8} style={{ fontWeight: 600, fontSize: 16 }}>
        <FunnelPlotOutlined style={{ color: token.colorPrimary, fontSize: 20 }} />
        {!compact && t('app.name')}
      </Flex>
    </Link>
  );
}

export function AppLayout(props: { user: User; pages: PageEntry[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  // Without a page to show there is no menu to hold; the header carries the brand instead.
  const hasMenu = props.pages.length > 0;
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const current = props.pages.find((page) =>
    matchPath({ path: page.path, end: false }, location.pathname),
  );
  const pageTitle = current ? t(current.labelKey) : null;
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${t('app.name')}` : t('app.name');
  }, [pageTitle, t]);

  // The group of the page on screen opens by itself (also after a redirect from `/`).
  const currentGroup = current?.group ? groupKey(current.group) : null;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  useEffect(() => {
    if (currentGroup)
      setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  const menu = (
    <Menu
      mode="inline"
      items={menuItems(props.pages, t)}
      selectedKeys={current ? [current.key] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && hasMenu && (
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={216}
          style={{
            position: 'sticky',
            top: 0,
            height: '100vh',
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 24 }}>
            <Brand compact={collapsed} />
          </div>
          <nav aria-label={t('nav.main')}>{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: phone ? 12 : 24,
            height: 56,
            lineHeight: '56px',
            display: 'flex',
            alignItems: 'center',
            gap: phone ? 6 : 12,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {phone && hasMenu && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.openMenu')}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {(phone || !hasMenu) && <Brand />}
          <div style={{ flex: 1 }} />
          {hasMenu && <RemindersBell compact={phone} />}
          <LanguageSwitch />
          <UserMenu user={props.user} compact={phone} />
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24 }}>{props.children}</Layout.Content>
      </Layout>
      {phone && hasMenu && (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label={t('nav.main')}>{menu}</nav>
        </Drawer>
      )}
    </Layout>
  );
}
