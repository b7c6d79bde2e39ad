import { Button, Flex, Table, Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../domain/format';
import { ErrorState } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { type OwnershipEvent, usePoolHistory } from './api';
import { describeTriggers } from './ReturnReason';

const COLORS: Record<OwnershipEvent['kind'], string> = {
  created: 'blue',
  claimed: 'green',
  assigned: 'geekblue',
  released: 'orange',
  lapsed: 'red',
  lapse_warning: 'gold',
  routed: 'purple',
  spilled: 'cyan',
};

function kindLabel(t: TFunction, kind: OwnershipEvent['kind']): string {
  switch (kind) {
    case 'created':
      return t('ownershipHistory.kind.created');
    case 'claimed':
      return t('ownershipHistory.kind.claimed');
    case 'assigned':
      return t('ownershipHistory.kind.assigned');
    case 'released':
      return t('ownershipHistory.kind.released');
    case 'lapsed':
      return t('ownershipHistory.kind.lapsed');
    case 'lapse_warning':
      return t('ownershipHistory.kind.lapseWarning');
    case 'routed':
      return t('ownershipHistory.kind.routed');
    case 'spilled':
      return t('ownershipHistory.kind.spilled');
  }
}

/** Why it happened: the release reason, the lapse rule and trigger, or the deadline warned of. */
function detailOf(t: TFunction, event: OwnershipEvent): string {
  const locale = currentLocale();
  if (event.kind === 'lapsed' && event.rule) {
    return t('pool.returned.lapsedBy', {
      rule: event.rule.name,
      trigger: describeTriggers(t, event.rule),
    });
  }
  if (event.kind === 'lapse_warning' && event.deadline) {
    return t('ownershipHistory.warnedUntil', {
      rule: event.rule?.name ?? '',
      date: formatDate(event.deadline, locale),
    });
  }
  if (event.kind === 'assigned') {
    return t('ownershipHistory.assignedBy', {
      from: event.fromOwnerName ?? t('pool.orgPool'),
      to: event.toOwnerName ?? '',
      by: event.actorName ?? '',
    });
  }
  if (event.kind === 'routed' || event.kind === 'spilled') {
    return event.poolTeamName ? t('pool.gridPool', { team: event.poolTeamName }) : '';
  }
  return event.reason ?? '';
}

/** One user's claims, releases, lapses… in the period, newest first. */
export function OwnershipHistory(props: { userId: string; from: string; to: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const history = usePoolHistory(props);
  if (history.isError) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  const rows = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <Table<OwnershipEvent>
        rowKey="id"
        size="small"
        pagination={false}
        loading={history.isPending}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ownershipHistory.none') }}
        columns={[
          {
            key: 'at',
            title: t('ownershipHistory.at'),
            render: (_, event) => formatDateTime(event.at, locale),
          },
          {
            key: 'kind',
            title: t('ownershipHistory.kindTitle'),
            render: (_, event) => <Tag color={COLORS[event.kind]}>{kindLabel(t, event.kind)}</Tag>,
          },
          {
            key: 'customer',
            title: t('customers.fields.name'),
            render: (_, event) => (
              <Link to={`/customers/${event.customerId}`}>{event.customerName}</Link>
            ),
          },
          {
            key: 'detail',
            title: t('ownershipHistory.detail'),
            render: (_, event) => {
              const text = detailOf(t, event);
              return text ? <Tooltip title={text}>{text}</Tooltip> : '—';
            },
          },
        ]}
      />
      {history.hasNextPage && (
        <Flex justify="center">
          <Button loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
