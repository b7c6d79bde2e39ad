import { Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../api/types';
import { currentLocale } from '../../i18n';

type StageMove = Extract<TimelineItem, { kind: 'stage_move' }>;
type Ownership = Extract<TimelineItem, { kind: 'ownership' }>;

function Headline(props: { children: ReactNode; when: ReactNode; tag?: ReactNode }) {
  return (
    <Flex gap={6} wrap align="center">
      {props.tag}
      <Typography.Text>{props.children}</Typography.Text>
      {props.when}
    </Flex>
  );
}

function Note({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>
      {children}
    </Typography.Text>
  );
}

/** A deal's or the lifecycle's move between stages, in the reader's language. */
export function StageMoveEntry({ item, when }: { item: StageMove; when: ReactNode }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = item.userName ?? t('timeline.system');
  const from = item.fromStageName?.[locale] ?? item.fromStageKey ?? '';
  const to = item.toStageName?.[locale] ?? item.toStageKey;
  const deal = item.dealName ?? '';
  let headline: string;
  if (item.dealId === null) {
    headline =
      item.fromStageKey === null
        ? t('timeline.lifecycleInitial', { to })
        : t('timeline.lifecycleMove', { name, from, to });
  } else if (item.fromStageKey === null) {
    headline = t('timeline.stageMoveInitial', { name, deal, to });
  } else if (item.direction === 'backward') {
    headline = t('timeline.stageMoveBack', { name, deal, from, to });
  } else {
    headline = t('timeline.stageMove', { name, deal, from, to });
  }
  return (
    <Flex vertical gap={2}>
      <Headline when={when}>{headline}</Headline>
      {item.overrideReason && (
        <Note>{t('timeline.override', { reason: item.overrideReason })}</Note>
      )}
      {item.lostReason && <Note>{t('timeline.lostReason', { reason: item.lostReason })}</Note>}
    </Flex>
  );
}

function triggersOf(t: TFunction, item: Ownership): string {
  const labels: Record<string, string> = {
    no_activity: t('timeline.trigger_no_activity'),
    no_progress: t('timeline.trigger_no_progress'),
  };
  return (item.rule?.triggers ?? []).map((trigger) => labels[trigger] ?? trigger).join(', ');
}

/** A claim, assignment, release, lapse or warning, with the reason or rule behind it. */
export function OwnershipEntry({ item, when }: { item: Ownership; when: ReactNode }) {
  const { t } = useTranslation();
  const name = item.userName ?? t('timeline.system');
  const from = item.fromOwnerName ?? '';
  const rule = item.rule?.name ?? '';
  const headlines: Record<Ownership['event'], string> = {
    created: t('timeline.claimed', { name }),
    claimed: t('timeline.claimed', { name }),
    assigned: t('timeline.assigned', { name, to: item.toOwnerName ?? '' }),
    released: t('timeline.released', { name }),
    lapsed: t('timeline.lapsed', { rule, from }),
    lapse_warning: t('timeline.lapseWarning', {
      from,
      rule,
      deadline: item.deadline ?? '',
    }),
    routed: t('timeline.routed'),
    spilled: t('timeline.spilled'),
  };
  const triggers = triggersOf(t, item);
  const color =
    item.event === 'lapsed' ? 'red' : item.event === 'lapse_warning' ? 'orange' : undefined;
  return (
    <Flex vertical gap={2}>
      <Headline when={when} tag={color && <Tag color={color}>{triggers || rule}</Tag>}>
        {headlines[item.event]}
      </Headline>
      {item.reason && (
        <Note>
          {t('timeline.reason')}: {item.reason}
        </Note>
      )}
    </Flex>
  );
}
