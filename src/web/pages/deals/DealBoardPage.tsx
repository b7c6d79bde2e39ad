import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Alert, Button, Flex, Grid, Select, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Deal } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { Money } from '../../components/Money';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { stageColor } from '../../lib/stageColors';
import { useFunnel, useFunnels } from '../funnels/api';
import { type BoardFilters, useBoard } from './api';
import { BoardColumn } from './BoardColumn';
import { BoardFilterBar } from './BoardFilterBar';
import { useMoveFlow } from './useMoveFlow';

const NewDealDialog = lazy(() => import('./NewDealDialog'));
const DealDrawer = lazy(() => import('./DealDrawer'));

const FUNNEL_STORAGE = 'crm.board.funnel';

function rememberedFunnel(): string | null {
  try {
    return window.localStorage.getItem(FUNNEL_STORAGE);
  } catch {
    return null;
  }
}

/** 商机看板: the deals of one funnel, a column per stage; drag a card to move it through the gate. */
export default function DealBoardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [params, setParams] = useSearchParams();
  const funnels = useFunnels('deals');
  const [creating, setCreating] = useState(false);
  const [dragging, setDragging] = useState<Deal | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);

  const funnelList = funnels.data ?? [];
  const asked = params.get('funnel') ?? rememberedFunnel();
  const funnelId =
    funnelList.find((funnel) => funnel.id === asked)?.id ?? funnelList[0]?.id ?? null;
  const filters: BoardFilters = useMemo(
    () => ({
      ownerId: params.get('owner') ?? undefined,
      teamId: params.get('team') ?? undefined,
      stale: params.get('stale') === '1',
      closeMonth: params.get('month') ?? undefined,
    }),
    [params],
  );
  const board = useBoard(funnelId, filters);
  const funnel = useFunnel(funnelId);
  const stages = funnel.data?.stages;
  const flow = useMoveFlow(stages);
  const openDealId = params.get('deal');

  useEffect(() => {
    if (!funnelId) return;
    try {
      window.localStorage.setItem(FUNNEL_STORAGE, funnelId);
    } catch {
      // Only a convenience for the next visit.
    }
  }, [funnelId]);

  function setParam(name: string, value: string | null) {
    setParams(
      (before) => {
        const next = new URLSearchParams(before);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name !== 'deal' },
    );
  }

  const title = (
    <Typography.Title level={4} style={{ margin: 0 }}>
      {t('nav.dealBoard')}
    </Typography.Title>
  );
  if (funnels.isPending) return <ListSkeleton rows={8} />;
  if (funnels.isError)
    return <ErrorState error={funnels.error} onRetry={() => void funnels.refetch()} />;
  if (funnelList.length === 0) {
    return (
      <>
        {title}
        <EmptyState
          description={me.role === 'admin' ? t('deals.noFunnelsAdmin') : t('deals.noFunnels')}
          action={
            me.role === 'admin' ? (
              <Link to="/settings/funnels">
                <Button type="primary">{t('deals.goCreateFunnel')}</Button>
              </Link>
            ) : undefined
          }
        />
      </>
    );
  }

  const filtered = Boolean(
    filters.ownerId || filters.teamId || filters.stale || filters.closeMonth,
  );
  const columnWidth = phone ? 'calc(100vw - 64px)' : 280;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={12} wrap>
          {title}
          <Select
            aria-label={t('deals.funnel')}
            value={funnelId}
            onChange={(id) => setParam('funnel', id)}
            options={funnelList.map((item) => ({ value: item.id, label: item.name }))}
            style={{ minWidth: 200 }}
          />
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('deals.create')}
        </Button>
      </Flex>
      <BoardFilterBar filters={filters} showPeople={me.role !== 'rep'} onChange={setParam} />
      {board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : !board.data || !stages ? (
        <ListSkeleton rows={8} />
      ) : (
        <>
          <Flex wrap gap={16} align="center" style={{ margin: '8px 0 12px' }}>
            <Typography.Text>
              {t('deals.openSummary', { count: board.data.open.count })}
            </Typography.Text>
            <Typography.Text>
              <Typography.Text type="secondary">{t('deals.total')} </Typography.Text>
              <Money amount={board.data.open.amount} />
            </Typography.Text>
            <Typography.Text>
              <Typography.Text type="secondary">{t('deals.weightedTotal')} </Typography.Text>
              <Money amount={board.data.open.weightedAmount} />
            </Typography.Text>
            {board.isFetching && <Spin size="small" />}
          </Flex>
          {board.data.stages.every((column) => column.count === 0) && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={filtered ? t('deals.noMatch') : t('deals.emptyFunnel')}
            />
          )}
          {phone && (
            <Select
              aria-label={t('deals.jumpToStage')}
              placeholder={t('deals.jumpToStage')}
              value={null}
              onChange={(key: string) =>
                boardRef.current
                  ?.querySelector(`[data-stage="${CSS.escape(key)}"]`)
                  ?.scrollIntoView({ behavior: 'smooth', inline: 'start', block: 'nearest' })
              }
              options={board.data.stages.map((column) => ({
                value: column.key,
                label: `${column.name} (${column.count})`,
              }))}
              style={{ width: '100%', marginBottom: 8 }}
            />
          )}
          {!phone && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('deals.dragHint')}
            </Typography.Paragraph>
          )}
          <div
            ref={boardRef}
            style={{
              display: 'flex',
              gap: 12,
              overflowX: 'auto',
              paddingBottom: 8,
              scrollSnapType: phone ? 'x mandatory' : undefined,
              height: phone ? undefined : 'max(420px, calc(100vh - 290px))',
            }}
          >
            {board.data.stages.map((column) => (
              <BoardColumn
                key={column.key}
                funnelId={board.data.funnel.id}
                column={column}
                color={stageColor(stages, column.key)}
                stage={stages.find((stage) => stage.key === column.key)}
                stages={stages}
                filters={filters}
                dragging={dragging}
                movingId={flow.movingId}
                width={columnWidth}
                onDragStart={setDragging}
                onDragEnd={() => setDragging(null)}
                onDrop={(key) => {
                  if (dragging) flow.requestMove(dragging, key);
                  setDragging(null);
                }}
                onMove={flow.requestMove}
                onOpen={(deal) => setParam('deal', deal.id)}
              />
            ))}
          </div>
        </>
      )}
      {flow.dialogs}
      <Suspense fallback={null}>
        {creating && funnelId && (
          <NewDealDialog
            funnels={funnelList}
            funnelId={funnelId}
            onClose={() => setCreating(false)}
            onCreated={(deal) => {
              if (deal.funnelId !== funnelId) setParam('funnel', deal.funnelId);
            }}
          />
        )}
        {openDealId && <DealDrawer dealId={openDealId} onClose={() => setParam('deal', null)} />}
      </Suspense>
    </>
  );
}
