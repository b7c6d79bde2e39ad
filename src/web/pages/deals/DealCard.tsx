import MoreOutlined from '@ant-design/icons/es/icons/MoreOutlined';
import { Button, Card, Dropdown, Flex, Tag, Tooltip, Typography } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/format/dates';
import type { DealListItem, FunnelStage } from '../../api/types';
import { Money } from '../../components/Money';
import { currentLocale } from '../../i18n';
import { StageGuideButton } from './StageGuide';

/** One deal on the board: what a rep scans for, draggable to another column, or moved by menu. */
export function DealCard(props: {
  deal: DealListItem;
  stage: FunnelStage | undefined;
  stages: readonly FunnelStage[];
  moving: boolean;
  onOpen: () => void;
  onMove: (toStageKey: string) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const { t } = useTranslation();
  const { deal } = props;
  const locale = currentLocale();
  const open = deal.status === 'open';

  function dragStart(event: DragEvent) {
    event.dataTransfer.setData('text/plain', deal.id);
    event.dataTransfer.effectAllowed = 'move';
    props.onDragStart();
  }

  return (
    <li
      aria-label={deal.name}
      draggable={open}
      onDragStart={dragStart}
      onDragEnd={props.onDragEnd}
      style={{ cursor: open ? 'grab' : 'default', opacity: props.moving ? 0.5 : 1 }}
    >
      <Card size="small" styles={{ body: { padding: 10 } }}>
        <Flex justify="space-between" align="start" gap={4}>
          <Button
            type="link"
            onClick={props.onOpen}
            style={{
              padding: 0,
              height: 'auto',
              whiteSpace: 'normal',
              textAlign: 'start',
              fontWeight: 500,
            }}
          >
            {deal.name}
          </Button>
          <Flex gap={0} style={{ flexShrink: 0 }}>
            <StageGuideButton stage={props.stage} dealName={deal.name} />
            {open && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: props.stages
                    .filter((stage) => stage.key !== deal.stageKey)
                    .map((stage) => ({ key: stage.key, label: stage.name })),
                  onClick: ({ key }) => props.onMove(key),
                }}
              >
                <Button
                  type="text"
                  size="small"
                  icon={<MoreOutlined />}
                  aria-label={t('deals.moveNamed', { name: deal.name })}
                  title={t('deals.moveTo')}
                />
              </Dropdown>
            )}
          </Flex>
        </Flex>
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 13 }}>
          {deal.customerName}
        </Typography.Text>
        <Flex justify="space-between" align="baseline" style={{ marginTop: 4 }}>
          <Typography.Text strong>
            <Money amount={deal.amount} />
          </Typography.Text>
          {deal.expectedCloseDate && (
            <Tooltip title={t('deals.expectedClose')}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(deal.expectedCloseDate, locale)}
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
        <Flex wrap gap={4} align="center" style={{ marginTop: 6 }}>
          {open && (
            <Tag style={{ marginInlineEnd: 0 }}>
              {t('deals.daysInStage', { count: deal.daysInStage })}
            </Tag>
          )}
          {deal.keyActionProgress && (
            <Tooltip title={t('deals.keyActionsHint')}>
              <Tag
                color={
                  deal.keyActionProgress.met === deal.keyActionProgress.total
                    ? 'success'
                    : 'default'
                }
                style={{ marginInlineEnd: 0 }}
              >
                {t('deals.keyActionsProgress', deal.keyActionProgress)}
              </Tag>
            </Tooltip>
          )}
          {deal.stale && (
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {t('deals.stale')}
            </Tag>
          )}
          {deal.status === 'lost' && deal.lostReason && (
            <Tag style={{ marginInlineEnd: 0 }}>{deal.lostReason}</Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
            {deal.ownerName ?? '—'}
          </Typography.Text>
        </Flex>
      </Card>
    </li>
  );
}
