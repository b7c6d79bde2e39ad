import DownOutlined from '@ant-design/icons/es/icons/DownOutlined';
import KeyOutlined from '@ant-design/icons/es/icons/KeyOutlined';
import LogoutOutlined from '@ant-design/icons/es/icons/LogoutOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../api/session';
import type { User } from '../api/types';
import { useRoleLabel } from '../lib/labels';

// Loaded when opened: it brings the password rules (zod) that the frame itself does not need.
const ChangePasswordDialog = lazy(() => import('./ChangePasswordDialog'));

export function UserMenu({ user, compact }: { user: User; compact?: boolean }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const { message } = App.useApp();
  const [changingPassword, setChangingPassword] = useState(false);

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div style={{ lineHeight: 1.4 }}>
          <div>{user.email}</div>
          <div>{roleLabel(user.role)}</div>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('account.changePassword') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('account.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSettled: () => {
          // Nothing of this session may linger on screen for whoever logs in next.
          message.destroy();
          navigate('/login', { replace: true });
          queryClient.clear();
        },
      });
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" aria-label={t('account.menu', { name: user.name })}>
          <Avatar size="small" style={{ backgroundColor: '#1677ff' }}>
            {user.name.slice(0, 1).toUpperCase()}
          </Avatar>
          {!compact && user.name}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordDialog user={user} self onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}
