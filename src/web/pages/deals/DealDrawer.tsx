import MessageOutlined from '@ant-design/icons/es/icons/MessageOutlined';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  Select,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../domain/format/dates';
import type { DealDetail } from '../../api/types';
import { Money } from '../../components/Money';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { stageColor } from '../../lib/stageColors';
import { PAGES } from '../../navigation';
import { useFunnel } from '../funnels/api';
import { useDeal } from './api';
import { DealChecklist } from './DealChecklist';
import { DealDocuments } from './DealDocuments';
import { DealHistory } from './DealHistory';
import { FollowUpDialog } from './FollowUpDialog';
import { StageGuide } from './StageGuide';
import { subjectOfDeal } from './stageApi';
import { useMoveFlow } from './useMoveFlow';

// The customer's page, when the customers feature is in the menu.
const hasCustomerPage = PAGES.some((page) => page.path.startsWith('/customers'));

/** One deal: where it stands, what its gate still needs, its moves and its documents. */
export default function DealDrawer({ dealId, onClose }: { dealId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const deal = useDeal(dealId);
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md === false ? '100%' : 640}
      title={deal.data?.name ?? t('deals.detail.title')}
      destroyOnHidden
    >
      {deal.isPending ? (
        <ListSkeleton rows={8} />
      ) : deal.isError ? (
        <ErrorState error={deal.error} onRetry={() => void deal.refetch()} />
      ) : (
        <DealBody deal={deal.data} />
      )}
    </Drawer>
  );
}

function DealBody({ deal }: { deal: DealDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const funnel = useFunnel(deal.funnelId);
  const stages = funnel.data?.stages ?? [];
  const flow = useMoveFlow(funnel.data?.stages);
  const [followUp, setFollowUp] = useState(false);
  const open = deal.status === 'open';

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        <Tag color={stageColor(stages, deal.stageKey)} style={{ marginInlineEnd: 0 }}>
          {deal.stageName}
        </Tag>
        {deal.stale && <Tag color="error">{t('deals.stale')}</Tag>}
        <div style={{ flex: 1 }} />
        {open && (
          <>
            <Button icon={<MessageOutlined />} onClick={() => setFollowUp(true)}>
              {t('deals.logFollowUp')}
            </Button>
            <Select
              aria-label={t('deals.moveTo')}
              placeholder={t('deals.moveTo')}
              value={null}
              loading={flow.movingId === deal.id}
              onChange={(key: string) => flow.requestMove(deal, key)}
              options={stages
                .filter((stage) => stage.key !== deal.stageKey)
                .map((stage) => ({ value: stage.key, label: stage.name }))}
              style={{ width: 150 }}
            />
          </>
        )}
      </Flex>
      {deal.status === 'lost' && (
        <Alert
          type="warning"
          showIcon
          title={t('deals.detail.lostBecause', { reason: deal.lostReason ?? '—' })}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'customer',
            label: t('deals.customer'),
            children: hasCustomerPage ? (
              <Link to={`/customers/${deal.customerId}`}>{deal.customerName}</Link>
            ) : (
              deal.customerName
            ),
          },
          { key: 'funnel', label: t('deals.funnel'), children: deal.funnelName },
          {
            key: 'amount',
            label: t('deals.amount'),
            children: <Money amount={deal.amount} exact />,
          },
          {
            key: 'weighted',
            label: t('deals.weightedAmount'),
            children: <Money amount={deal.weightedAmount} exact />,
          },
          {
            key: 'probability',
            label: t('deals.probability'),
            children: `${deal.probability}%${deal.probabilityOverridden ? ` · ${t('deals.detail.probabilityAdjusted')}` : ` · ${t('deals.detail.probabilityDefault')}`}`,
          },
          {
            key: 'days',
            label: t('deals.detail.inStage'),
            children: (
              <>
                {t('deals.detail.days', { count: deal.daysInStage })}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  ({t('deals.detail.since', { time: formatDateTime(deal.stageEnteredAt, locale) })})
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'close',
            label: t('deals.expectedClose'),
            children: deal.expectedCloseDate ? formatDate(deal.expectedCloseDate, locale) : '—',
          },
          { key: 'owner', label: t('deals.owner'), children: deal.ownerName ?? '—' },
          ...(deal.nextStep
            ? [{ key: 'next', label: t('funnels.field.nextStep'), children: deal.nextStep }]
            : []),
          ...(deal.products.length > 0
            ? [
                {
                  key: 'products',
                  label: t('funnels.field.products'),
                  children: deal.products.join('、'),
                },
              ]
            : []),
          ...(deal.competitors.length > 0
            ? [
                {
                  key: 'competitors',
                  label: t('funnels.field.competitors'),
                  children: deal.competitors.join('、'),
                },
              ]
            : []),
        ]}
      />
      <Tabs
        items={[
          {
            key: 'gate',
            label: t('deals.detail.gateTab'),
            children: <DealChecklist deal={deal} />,
          },
          {
            key: 'guide',
            label: t('deals.detail.guideTab'),
            children: <StageGuide stage={deal.stage} />,
          },
          {
            key: 'history',
            label: t('deals.detail.historyTab'),
            children: <DealHistory dealId={deal.id} />,
          },
          {
            key: 'documents',
            label: t('deals.detail.documentsTab'),
            children: <DealDocuments dealId={deal.id} editable={open} />,
          },
        ]}
      />
      {followUp && (
        <FollowUpDialog subject={subjectOfDeal(deal)} onClose={() => setFollowUp(false)} />
      )}
      {flow.dialogs}
    </Flex>
  );
}
