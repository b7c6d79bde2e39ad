import { Badge, Button, Flex, Tooltip, Typography, theme } from 'antd';
import { type DragEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, DealBoard, DealListItem, FunnelStage } from '../../api/types';
import { Money } from '../../components/Money';
import { describeError } from '../../lib/errors';
import { type BoardFilters, findColumnPage } from './api';
import { DealCard } from './DealCard';

type Column = DealBoard['stages'][number];

/**
 * One stage: its totals from the server (over every matching deal, not the cards shown), the
 * first cards, more on request, and a drop target for cards from other columns.
 */
export function BoardColumn(props: {
  funnelId: string;
  column: Column;
  color: string;
  stage: FunnelStage | undefined;
  stages: readonly FunnelStage[];
  filters: BoardFilters;
  dragging: Deal | null;
  movingId: string | null;
  width: number | string;
  onDragStart: (deal: Deal) => void;
  onDragEnd: () => void;
  onDrop: (toStageKey: string) => void;
  onMove: (deal: Deal, toStageKey: string) => void;
  onOpen: (deal: Deal) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { column } = props;
  const [more, setMore] = useState<{ deals: DealListItem[]; cursor: string | null }>({
    deals: [],
    cursor: null,
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  // A fresh board (after a move or a filter) starts the column again from its first page.
  useEffect(() => {
    setMore({ deals: [], cursor: column.nextCursor });
    setError(null);
  }, [column]);

  const deals = [
    ...column.deals,
    ...more.deals.filter((deal) => !column.deals.some((d) => d.id === deal.id)),
  ];
  const canDrop = props.dragging !== null && props.dragging.stageKey !== column.key;

  async function loadMore() {
    if (!more.cursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = await findColumnPage(props.funnelId, column.key, props.filters, more.cursor);
      setMore((before) => ({ deals: [...before.deals, ...page.items], cursor: page.nextCursor }));
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setLoading(false);
    }
  }

  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!canDrop) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (!over) setOver(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setOver(false);
      if (canDrop) props.onDrop(column.key);
    },
  };

  return (
    <section
      aria-label={column.name}
      data-stage={column.key}
      {...dropHandlers}
      style={{
        flex: `0 0 ${typeof props.width === 'number' ? `${props.width}px` : props.width}`,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        background: over ? token.colorPrimaryBg : token.colorFillQuaternary,
        border: `2px dashed ${over ? token.colorPrimary : canDrop ? token.colorBorder : 'transparent'}`,
        borderRadius: token.borderRadiusLG,
        scrollSnapAlign: 'start',
      }}
    >
      <div
        style={{
          padding: '10px 12px 8px',
          borderTop: `3px solid ${props.color}`,
          borderRadius: token.borderRadiusLG,
        }}
      >
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong ellipsis>
            {column.name}
          </Typography.Text>
          <Flex gap={6} align="center">
            {column.staleCount > 0 && (
              <Tooltip title={t('deals.staleCount', { count: column.staleCount })}>
                <Badge count={column.staleCount} size="small" color={token.colorError} />
              </Tooltip>
            )}
            <Typography.Text
              type="secondary"
              aria-label={t('deals.countLabel', { count: column.count })}
            >
              {column.count}
            </Typography.Text>
          </Flex>
        </Flex>
        <Flex justify="space-between" style={{ fontSize: 12, marginTop: 2 }}>
          <span>
            <Typography.Text type="secondary">{t('deals.total')} </Typography.Text>
            <Money amount={column.amount} />
          </span>
          {column.terminal === null && (
            <span>
              <Typography.Text type="secondary">
                {t('deals.weighted', { probability: column.probability })}{' '}
              </Typography.Text>
              <Money amount={column.weightedAmount} />
            </span>
          )}
        </Flex>
      </div>
      <div style={{ overflowY: 'auto', padding: '0 8px 8px', flex: 1 }}>
        <Flex
          vertical
          gap={8}
          component="ul"
          aria-label={t('deals.cardsOf', { stage: column.name })}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {deals.map((deal) => (
            <DealCard
              key={deal.id}
              deal={deal}
              stage={props.stage}
              stages={props.stages}
              moving={props.movingId === deal.id}
              onOpen={() => props.onOpen(deal)}
              onMove={(key) => props.onMove(deal, key)}
              onDragStart={() => props.onDragStart(deal)}
              onDragEnd={props.onDragEnd}
            />
          ))}
        </Flex>
        <Flex vertical gap={8} style={{ marginTop: deals.length > 0 ? 8 : 0 }}>
          {deals.length === 0 && (
            <Typography.Text
              type="secondary"
              style={{ textAlign: 'center', padding: '16px 0', fontSize: 13 }}
            >
              {canDrop ? t('deals.dropHere') : t('deals.columnEmpty')}
            </Typography.Text>
          )}
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          {more.cursor && (
            <Button block onClick={() => void loadMore()} loading={loading}>
              {t('deals.loadMore', { shown: deals.length, total: column.count })}
            </Button>
          )}
        </Flex>
      </div>
    </section>
  );
}
