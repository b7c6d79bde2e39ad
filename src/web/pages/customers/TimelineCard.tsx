import { Button, Card, Flex, Tag, Timeline, type TimelineProps, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, TimelineItem } from '../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { activityTypeLabel, customerFieldLabel } from '../../lib/archiveLabels';
import { formatDateTime, formatRelative } from '../../lib/format';
import { accessLabel } from '../collaborators/labels';
import { channelLabel, signalLabel } from '../workData/labels';
import { useTimeline } from './api';
import { OwnershipEntry, StageMoveEntry } from './TimelineMoveEntries';

type Change = Extract<TimelineItem, { kind: 'change' }>;
type TimelineItemType = NonNullable<TimelineProps['items']>[number];

function When({ at }: { at: string }) {
  const locale = currentLocale();
  return (
    <Tooltip title={formatDateTime(at, locale)}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatRelative(at, locale)}
      </Typography.Text>
    </Tooltip>
  );
}

function Line(props: { label: string; children: ReactNode }) {
  return (
    <Typography.Paragraph style={{ marginBottom: 2, whiteSpace: 'pre-wrap' }}>
      <Typography.Text type="secondary">{props.label}: </Typography.Text>
      {props.children}
    </Typography.Paragraph>
  );
}

function ActivityEntry({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Flex vertical gap={2}>
      <Flex gap={6} wrap align="center">
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {activityTypeLabel(t, activity.type)}
        </Tag>
        {activity.effective && (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('activities.effective')}
          </Tag>
        )}
        {activity.channel && (
          <Tag style={{ marginInlineEnd: 0 }}>{channelLabel(t, activity.channel)}</Tag>
        )}
        {activity.signals.map((signal) => (
          <Tag key={signal} color="gold" style={{ marginInlineEnd: 0 }}>
            {signalLabel(t, signal)}
          </Tag>
        ))}
        <Typography.Text strong>{activity.userName}</Typography.Text>
        {activity.contactName && (
          <Typography.Text type="secondary">
            {t('activities.withContact', { name: activity.contactName })}
          </Typography.Text>
        )}
        <When at={activity.occurredAt} />
      </Flex>
      {activity.topicTitle && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('activities.topicUsed', { title: activity.topicTitle })}
        </Typography.Text>
      )}
      <Typography.Paragraph style={{ marginBottom: 2, whiteSpace: 'pre-wrap' }}>
        {activity.summary}
      </Typography.Paragraph>
      {activity.feedback && (
        <Line label={t('activities.fields.feedback')}>{activity.feedback}</Line>
      )}
      {activity.objections && (
        <Line label={t('activities.fields.objections')}>{activity.objections}</Line>
      )}
      {activity.nextAction && (
        <Line label={t('activities.fields.nextAction')}>
          {activity.nextAction}
          {activity.nextActionAt && ` · ${formatDateTime(activity.nextActionAt, locale)}`}
        </Line>
      )}
    </Flex>
  );
}

function shown(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('timeline.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.length ? value.join(', ') : t('timeline.empty');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function ChangeEntry({ item }: { item: Change }) {
  const { t } = useTranslation();
  const who = item.userName ?? t('timeline.system');
  const changes = Object.entries(item.changes).filter(
    ([field]) => !['version', 'updatedAt', 'nameKey', 'phoneKey', 'domainKey'].includes(field),
  );
  let headline: string;
  switch (item.action) {
    case 'create':
      headline = t('timeline.created', { name: who });
      break;
    case 'archive':
      headline = t('timeline.archived', { name: who });
      break;
    case 'share':
    case 'unshare':
      return <ShareEntry item={item} who={who} />;
    default:
      headline = t('timeline.updated', { name: who });
  }
  return (
    <Flex vertical gap={2}>
      <Flex gap={6} wrap align="center">
        <Typography.Text>{headline}</Typography.Text>
        <When at={item.at} />
      </Flex>
      {item.action !== 'create' &&
        changes.map(([field, change]) => {
          const { from, to } = (change ?? {}) as { from?: unknown; to?: unknown };
          return (
            <Typography.Text key={field} type="secondary" style={{ fontSize: 13 }}>
              {customerFieldLabel(t, field)}: {shown(t, from)} → {shown(t, to)}
            </Typography.Text>
          );
        })}
    </Flex>
  );
}

/** A colleague added to or taken off the customer (协同), from the audit log. */
function ShareEntry({ item, who }: { item: Change; who: string }) {
  const { t } = useTranslation();
  const { userName, access, reason } = item.changes as {
    userName?: string;
    access?: { from: string | null; to: string | null };
    /** Set when the share ended with an ownership change (collaborators.service dropShares). */
    reason?: 'released' | 'reassigned';
  };
  const level = access?.to ?? access?.from ?? 'read';
  const colleague = userName ?? '';
  const headline =
    item.action === 'unshare'
      ? reason === 'released'
        ? t('timeline.unsharedReleased', { colleague })
        : reason === 'reassigned'
          ? t('timeline.unsharedReassigned', { colleague })
          : t('timeline.unshared', { name: who, colleague })
      : t('timeline.shared', {
          name: who,
          colleague: userName ?? '',
          access: accessLabel(t, level === 'write' ? 'write' : 'read'),
        });
  return (
    <Flex gap={6} wrap align="center">
      <Typography.Text>{headline}</Typography.Text>
      <When at={item.at} />
    </Flex>
  );
}

function entryOf(item: TimelineItem): TimelineItemType {
  switch (item.kind) {
    case 'activity':
      return {
        key: `a${item.id}`,
        color: item.activity.effective ? 'green' : 'blue',
        content: <ActivityEntry activity={item.activity} />,
      };
    case 'change':
      return { key: `c${item.id}`, color: 'gray', content: <ChangeEntry item={item} /> };
    case 'stage_move':
      return {
        key: `s${item.id}`,
        color: item.direction === 'backward' ? 'orange' : 'purple',
        content: <StageMoveEntry item={item} when={<When at={item.at} />} />,
      };
    case 'ownership':
      return {
        key: `o${item.id}`,
        color: item.event === 'lapsed' ? 'red' : item.event === 'lapse_warning' ? 'orange' : 'cyan',
        content: <OwnershipEntry item={item} when={<When at={item.at} />} />,
      };
  }
}

/** One timeline of the customer: follow-ups and changes to the archive, newest first. */
export function TimelineCard(props: { customerId: string; onLog?: () => void }) {
  const { t } = useTranslation();
  const timeline = useTimeline(props.customerId);

  let body: ReactNode;
  if (timeline.isPending) body = <ListSkeleton rows={6} />;
  else if (timeline.isError)
    body = <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  else {
    const items = timeline.data.pages.flatMap((page) => page.items);
    const hasActivity = items.some((item) => item.kind === 'activity');
    body = (
      <>
        {!hasActivity && (
          <EmptyState
            description={
              props.onLog ? t('timeline.noActivities') : t('timeline.noActivitiesReadOnly')
            }
            action={
              props.onLog && (
                <Button type="primary" onClick={props.onLog}>
                  {t('activities.log')}
                </Button>
              )
            }
          />
        )}
        <Timeline items={items.map(entryOf)} style={{ marginTop: 8 }} />
        {timeline.hasNextPage && (
          <Flex justify="center">
            <Button
              loading={timeline.isFetchingNextPage}
              onClick={() => void timeline.fetchNextPage()}
            >
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
      </>
    );
  }

  return (
    <Card size="small" title={t('timeline.title')}>
      {body}
    </Card>
  );
}
