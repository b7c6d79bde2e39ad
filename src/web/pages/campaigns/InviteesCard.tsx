import UserAddOutlined from '@ant-design/icons/es/icons/UserAddOutlined';
import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import { formatDayOf } from '../../lib/format';
import { type Invitee, useInvitees, useMarkAttended, useRemoveInvitee } from './api';
import { InviteModal } from './InviteModal';

/** The invitee as named in messages: the person and their company, or the company. */
const inviteeName = (row: Invitee) =>
  row.contactName ? `${row.contactName} · ${row.customerName}` : row.customerName;

/** Who was invited and who came; managers invite, mark attendance and take invitations back. */
export function InviteesCard(props: { campaignId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const invitees = useInvitees(props.campaignId);
  const attend = useMarkAttended(props.campaignId);
  const remove = useRemoveInvitee(props.campaignId);
  const [inviting, setInviting] = useState(false);
  const rows = invitees.data?.pages.flatMap((page) => page.items) ?? [];

  async function markAttended(row: Invitee) {
    try {
      await attend.mutateAsync(row.id);
      message.success(t('campaigns.attendedDone', { name: inviteeName(row) }));
    } catch (error) {
      message.error(describeError(t, error));
    }
  }

  async function uninvite(row: Invitee) {
    try {
      await remove.mutateAsync(row.id);
      message.success(t('campaigns.removed', { name: inviteeName(row) }));
    } catch (error) {
      message.error(describeError(t, error));
    }
  }

  const columns: Column<Invitee>[] = [
    {
      key: 'customer',
      title: t('campaigns.customer'),
      render: (_value, row) => <Link to={`/customers/${row.customerId}`}>{row.customerName}</Link>,
    },
    {
      key: 'contact',
      title: t('campaigns.contact'),
      render: (_value, row) => row.contactName ?? '—',
    },
    {
      key: 'owner',
      title: t('campaigns.customerOwner'),
      render: (_v, row) => row.ownerName ?? '—',
    },
    {
      key: 'status',
      title: t('campaigns.status'),
      render: (_value, row) =>
        row.attendedAt ? (
          <Tag color="green">
            {t('campaigns.attendedOn', { day: formatDayOf(row.attendedAt, locale) })}
          </Tag>
        ) : (
          <Tag>{t('campaigns.invitedOnly')}</Tag>
        ),
    },
  ];

  const actions = props.canManage
    ? (row: Invitee) =>
        row.attended ? null : (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              aria-label={t('campaigns.markAttendedNamed', { name: inviteeName(row) })}
              loading={attend.isPending && attend.variables === row.id}
              onClick={() => void markAttended(row)}
            >
              {t('campaigns.markAttended')}
            </Button>
            <Popconfirm
              title={t('campaigns.removeConfirm', { name: inviteeName(row) })}
              okText={t('campaigns.remove')}
              okButtonProps={{ danger: true }}
              onConfirm={() => uninvite(row)}
            >
              <Button type="link" size="small" danger>
                {t('campaigns.remove')}
              </Button>
            </Popconfirm>
          </Space>
        )
    : undefined;

  const inviteButton = props.canManage ? (
    <Button icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
      {t('campaigns.invite')}
    </Button>
  ) : null;

  return (
    <Card
      size="small"
      title={t('campaigns.invitees', { count: rows.length })}
      extra={rows.length > 0 ? inviteButton : null}
    >
      {invitees.isPending ? (
        <ListSkeleton rows={4} />
      ) : invitees.isError ? (
        <ErrorState error={invitees.error} onRetry={() => void invitees.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          description={
            props.canManage ? t('campaigns.noInvitees') : t('campaigns.noVisibleInvitees')
          }
          action={inviteButton}
        />
      ) : (
        <>
          <ResponsiveTable<Invitee>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            actions={actions}
            actionsTitle={t('common.actions')}
            emptyText={t('campaigns.noInvitees')}
          />
          {invitees.hasNextPage && (
            <Button block onClick={() => void invitees.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('campaigns.attendanceHint')}
          </Typography.Text>
        </>
      )}
      {inviting && <InviteModal campaignId={props.campaignId} onClose={() => setInviting(false)} />}
    </Card>
  );
}
