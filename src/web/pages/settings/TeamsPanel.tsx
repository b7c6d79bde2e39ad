import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Button, Flex } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { useTeams, useUsers } from './api';
import { TeamFormModal } from './TeamFormModal';

type Editing = { mode: 'create' } | { mode: 'edit'; team: Team } | null;

export function TeamsPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const users = useUsers();
  const [editing, setEditing] = useState<Editing>(null);
  const locale = currentLocale();

  const userNames = useMemo(
    () => new Map((users.data ?? []).map((user) => [user.id, user.name])),
    [users.data],
  );
  // Only managers and admins may lead a team (the server checks the same).
  const managers = useMemo(
    () => (users.data ?? []).filter((user) => user.active && user.role !== 'rep'),
    [users.data],
  );

  if (users.isPending || teams.isPending) return <ListSkeleton />;
  if (users.isError || teams.isError) {
    return (
      <ErrorState
        error={teams.error ?? users.error}
        onRetry={() => {
          void teams.refetch();
          void users.refetch();
        }}
      />
    );
  }

  const columns: Column<Team>[] = [
    {
      key: 'name',
      title: t('teams.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, locale),
    },
    {
      key: 'manager',
      title: t('teams.manager'),
      dataIndex: 'managerId',
      render: (_, team) => (team.managerId ? (userNames.get(team.managerId) ?? '—') : '—'),
    },
    {
      key: 'members',
      title: t('teams.members'),
      dataIndex: 'memberCount',
      align: 'right',
      sorter: (a, b) => a.memberCount - b.memberCount,
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
      {t('teams.create')}
    </Button>
  );

  return (
    <>
      {editable && teams.data.length > 0 && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          {createButton}
        </Flex>
      )}
      <ResponsiveTable<Team>
        rowKey="id"
        columns={columns}
        dataSource={teams.data}
        emptyText={
          <EmptyState
            description={editable ? t('teams.emptyAdmin') : t('teams.empty')}
            action={editable ? createButton : undefined}
          />
        }
        actionsTitle={t('common.actions')}
        actions={
          editable
            ? (team) => (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('teams.editNamed', { name: team.name })}
                  onClick={() => setEditing({ mode: 'edit', team })}
                >
                  {t('common.edit')}
                </Button>
              )
            : undefined
        }
      />
      {editing && (
        <TeamFormModal
          mode={editing.mode}
          team={editing.mode === 'edit' ? editing.team : undefined}
          managers={managers}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
