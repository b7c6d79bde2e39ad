import ArrowRightOutlined from '@ant-design/icons/es/icons/ArrowRightOutlined';
import BookOutlined from '@ant-design/icons/es/icons/BookOutlined';
import RollbackOutlined from '@ant-design/icons/es/icons/RollbackOutlined';
import {
  Button,
  Card,
  Divider,
  Dropdown,
  Flex,
  Popover,
  Skeleton,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer, FunnelStage, Lifecycle } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { ErrorState } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { formatDayOf } from '../../lib/format';
import { ChecklistSection } from '../deals/DealChecklist';
import { KeyActionRow } from '../deals/KeyActionRow';
import { StageGuide } from '../deals/StageGuide';
import type { StageSubject } from '../deals/stageApi';
import { useFunnel } from '../funnels/api';
import { useLifecycle } from './api';
import { LifecycleStepper } from './LifecycleStepper';
import { useLifecycleMove } from './useLifecycleMove';

/**
 * The customer's own funnel (seed 001's 清单制: 目标 → 清单 → 潜在 → 意向 → 订单 → 在网): where it
 * stands, the key actions of its stage, the checklist to enter the next one, and the move.
 */
export function LifecycleCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const lifecycle = useLifecycle(customer.id);
  // The full stages (key actions, scripts) for the gate dialog and the guide.
  const funnel = useFunnel(lifecycle.data?.funnel.id);
  const stages = funnel.data?.stages;
  const flow = useLifecycleMove(customer, lifecycle.data, stages);

  if (lifecycle.isPending) {
    return (
      <Card title={t('lifecycle.title')} size="small">
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  }
  if (lifecycle.isError) {
    return (
      <Card title={t('lifecycle.title')} size="small">
        <ErrorState error={lifecycle.error} onRetry={() => void lifecycle.refetch()} />
      </Card>
    );
  }
  const data = lifecycle.data;
  const subject: StageSubject = {
    customerId: customer.id,
    customerName: customer.name,
    dealId: null,
  };
  // A rep works only their own customers (the server says 403 otherwise): pool ones are claimed first.
  const editable = !customer.archived && (me.role !== 'rep' || customer.ownerId === me.id);
  const closed = data.stage?.terminal != null;
  const guideStage =
    stages?.find((stage) => stage.key === data.stageKey) ??
    stages?.find((stage) => stage.key === data.nextStage?.key);

  return (
    <Card
      title={t('lifecycle.title')}
      size="small"
      role="region"
      aria-label={t('lifecycle.title')}
      extra={<Typography.Text type="secondary">{data.funnel.name}</Typography.Text>}
    >
      <Flex vertical gap={12}>
        <LifecycleStepper lifecycle={data} />
        <StageLine lifecycle={data} guideStage={guideStage} />
        {!closed && data.stage && (
          <section aria-label={t('deals.gate.keyActionsOf', { stage: data.stage.name })}>
            <Divider style={{ margin: '4px 0 12px' }} />
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('deals.gate.keyActionsOf', { stage: data.stage.name })}
            </Typography.Title>
            {data.keyActions.length === 0 ? (
              <Typography.Text type="secondary">{t('deals.detail.noKeyActions')}</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                {data.keyActions.map((progress) => (
                  <KeyActionRow
                    key={progress.id}
                    subject={subject}
                    item={{
                      kind: 'keyAction',
                      stageKey: data.stageKey ?? '',
                      id: progress.id,
                      label: progress.label,
                      have: progress.have,
                      need: progress.need,
                    }}
                    action={data.stage?.keyActions.find((action) => action.id === progress.id)}
                    met={progress.met}
                  />
                ))}
              </Flex>
            )}
          </section>
        )}
        {data.checklist.next && data.nextStage && (
          <>
            <Divider style={{ margin: '4px 0 0' }} />
            <ChecklistSection
              subject={subject}
              checklist={data.checklist.next}
              title={t('deals.gate.criteriaOf', { stage: data.nextStage.name })}
              editable={editable}
            />
          </>
        )}
        {editable && <MoveButtons lifecycle={data} stages={stages} flow={flow} />}
      </Flex>
      {flow.dialogs}
    </Card>
  );
}

/** 潜在客户 · 停滞 · when it entered, and the stage's scripts one click away. */
function StageLine(props: { lifecycle: Lifecycle; guideStage: FunnelStage | undefined }) {
  const { t } = useTranslation();
  const { lifecycle, guideStage } = props;
  const stage = lifecycle.stage;
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center" justify="space-between" wrap>
        <Flex gap={8} align="center" wrap>
          {stage ? (
            <Tag
              color={
                stage.terminal === 'won' ? 'success' : stage.terminal === 'lost' ? 'error' : 'blue'
              }
              style={{ fontSize: 14, marginInlineEnd: 0 }}
              data-testid="lifecycle-stage"
            >
              {stage.name}
            </Tag>
          ) : (
            <Tag data-testid="lifecycle-stage" style={{ marginInlineEnd: 0 }}>
              {t('lifecycle.outside')}
            </Tag>
          )}
          {lifecycle.stale && stage?.staleAfterDays != null && (
            <Tooltip title={t('lifecycle.staleHint', { days: stage.staleAfterDays })}>
              <Tag color="red">{t('lifecycle.stale')}</Tag>
            </Tooltip>
          )}
          {lifecycle.enteredAt && (
            <Typography.Text type="secondary">
              {t('lifecycle.since', { date: formatDayOf(lifecycle.enteredAt, currentLocale()) })}
            </Typography.Text>
          )}
        </Flex>
        {guideStage && (
          <Popover
            trigger="click"
            placement="bottomRight"
            title={t('deals.guide.title', { stage: guideStage.name })}
            content={
              <div style={{ maxWidth: 'min(420px, 85vw)', maxHeight: 420, overflowY: 'auto' }}>
                <StageGuide stage={guideStage} />
              </div>
            }
          >
            <Button size="small" icon={<BookOutlined />}>
              {t('deals.guide.short')}
            </Button>
          </Popover>
        )}
      </Flex>
      {stage === null ? (
        lifecycle.nextStage && (
          <Typography.Text type="secondary">
            {t('lifecycle.outsideHint', { stage: lifecycle.nextStage.name })}
          </Typography.Text>
        )
      ) : (
        <Typography.Paragraph
          type="secondary"
          style={{ marginBottom: 0 }}
          ellipsis={{ rows: 2, expandable: 'collapsible' }}
        >
          {stage.definition}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}

/** Forward through the gate to the next stage, or back to any earlier one (no gate). */
function MoveButtons(props: {
  lifecycle: Lifecycle;
  stages: readonly FunnelStage[] | undefined;
  flow: ReturnType<typeof useLifecycleMove>;
}) {
  const { t } = useTranslation();
  const { lifecycle, stages, flow } = props;
  if (lifecycle.stage?.terminal != null) {
    return <Typography.Text type="secondary">{t('lifecycle.closed')}</Typography.Text>;
  }
  const current = lifecycle.stages.findIndex((stage) => stage.key === lifecycle.stageKey);
  const earlier = current > 0 ? lifecycle.stages.slice(0, current) : [];
  const next = lifecycle.nextStage;
  return (
    <Flex gap={8} wrap justify="flex-end">
      {earlier.length > 0 && (
        <Dropdown
          trigger={['click']}
          disabled={!stages || flow.movingTo !== null}
          menu={{
            items: earlier.map((stage) => ({
              key: stage.key,
              label: t('lifecycle.backTo', { stage: stage.name }),
            })),
            onClick: ({ key }) => flow.requestMove(key),
          }}
        >
          <Button icon={<RollbackOutlined />}>{t('lifecycle.moveBack')}</Button>
        </Dropdown>
      )}
      {next && (
        <Button
          type="primary"
          icon={<ArrowRightOutlined />}
          disabled={!stages}
          loading={flow.movingTo === next.key}
          onClick={() => flow.requestMove(next.key)}
        >
          {lifecycle.stageKey === null
            ? t('lifecycle.enter', { stage: next.name })
            : t('lifecycle.moveTo', { stage: next.name })}
        </Button>
      )}
    </Flex>
  );
}
