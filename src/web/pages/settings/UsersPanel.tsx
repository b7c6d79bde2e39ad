import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Button, Flex, Input, Space, Tag, Tooltip } from 'antd';
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useRoleLabel } from '../../lib/labels';
import { useTeams, useUsers } from './api';
import { UserFormModal } from './UserFormModal';

const ChangePasswordDialog = lazy(() => import('../../components/ChangePasswordDialog'));

const ROLE_COLORS: Record<Role, string> = { admin: 'gold', manager: 'blue', rep: 'default' };

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export function UsersPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const me = useCurrentUser();
  const users = useUsers();
  const teams = useTeams();
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim().toLowerCase());
  const [editing, setEditing] = useState<Editing>(null);
  const [settingPassword, setSettingPassword] = useState<User | null>(null);
  const locale = currentLocale();

  const teamNames = useMemo(
    () => new Map((teams.data ?? []).map((team) => [team.id, team.name])),
    [teams.data],
  );
  const rows = useMemo(
    () =>
      (users.data ?? [])
        .filter(
          (user) =>
            !needle ||
            user.name.toLowerCase().includes(needle) ||
            user.email.toLowerCase().includes(needle),
        )
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    [users.data, needle, locale],
  );

  if (users.isPending || teams.isPending) return <ListSkeleton />;
  if (users.isError || teams.isError) {
    return (
      <ErrorState
        error={users.error ?? teams.error}
        onRetry={() => {
          void users.refetch();
          void teams.refetch();
        }}
      />
    );
  }

  const columns: Column<User>[] = [
    {
      key: 'name',
      title: t('users.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, locale),
      render: (_, user) => (
        <Space size={4}>
          {user.name}
          {user.id === me.id && <Tag>{t('users.you')}</Tag>}
        </Space>
      ),
    },
    { key: 'email', title: t('users.email'), dataIndex: 'email' },
    {
      key: 'role',
      title: t('users.role'),
      dataIndex: 'role',
      filters: (['admin', 'manager', 'rep'] as const).map((role) => ({
        text: roleLabel(role),
        value: role,
      })),
      onFilter: (value, user) => user.role === value,
      render: (_, user) => <Tag color={ROLE_COLORS[user.role]}>{roleLabel(user.role)}</Tag>,
    },
    {
      key: 'team',
      title: t('users.team'),
      dataIndex: 'teamId',
      render: (_, user) => (user.teamId ? (teamNames.get(user.teamId) ?? '—') : '—'),
    },
    {
      key: 'active',
      title: t('users.status'),
      dataIndex: 'active',
      filters: [
        { text: t('users.active'), value: true },
        { text: t('users.inactive'), value: false },
      ],
      onFilter: (value, user) => user.active === value,
      render: (_, user) =>
        user.active ? (
          <Tag color="green">{t('users.active')}</Tag>
        ) : (
          <Tag>{t('users.inactive')}</Tag>
        ),
    },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
      render: (_, user) =>
        user.lastLoginAt ? (
          <Tooltip title={formatDateTime(user.lastLoginAt, locale)}>
            {formatRelative(user.lastLoginAt, locale)}
          </Tooltip>
        ) : (
          t('users.neverLoggedIn')
        ),
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
      {t('users.create')}
    </Button>
  );

  return (
    <>
      <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ maxWidth: 320 }}
        />
        {editable && createButton}
      </Flex>
      <ResponsiveTable<User>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        emptyText={
          needle ? (
            <EmptyState description={t('users.noMatch')} />
          ) : (
            <EmptyState
              description={editable ? t('users.emptyAdmin') : t('users.empty')}
              action={editable ? createButton : undefined}
            />
          )
        }
        actionsTitle={t('common.actions')}
        actions={
          editable
            ? (user) => (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    aria-label={t('users.editNamed', { name: user.name })}
                    onClick={() => setEditing({ mode: 'edit', user })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" onClick={() => setSettingPassword(user)}>
                    {t('users.setPassword')}
                  </Button>
                </Space>
              )
            : undefined
        }
      />
      {editing && (
        <UserFormModal
          mode={editing.mode}
          user={editing.mode === 'edit' ? editing.user : undefined}
          teams={teams.data}
          isSelf={editing.mode === 'edit' && editing.user.id === me.id}
          onClose={() => setEditing(null)}
        />
      )}
      {settingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordDialog
            user={settingPassword}
            self={settingPassword.id === me.id}
            onClose={() => setSettingPassword(null)}
          />
        </Suspense>
      )}
    </>
  );
}
