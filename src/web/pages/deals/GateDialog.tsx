import CheckCircleFilled from '@ant-design/icons/es/icons/CheckCircleFilled';
import { Alert, App, Button, Flex, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { FunnelStage, UnmetItem } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { describeError } from '../../lib/errors';
import { CriterionRow } from './CriterionRow';
import { KeyActionRow } from './KeyActionRow';
import { type StageSubject, useGatePreview, useMoveStage } from './stageApi';

const same = (a: UnmetItem, b: UnmetItem) =>
  a.kind === b.kind && a.stageKey === b.stageKey && a.id === b.id;

interface Group {
  stage: FunnelStage;
  kind: 'keyAction' | 'criterion';
  items: UnmetItem[];
}

/** The items of the refused move grouped by stage in funnel order, key actions before criteria. */
function groupsOf(items: UnmetItem[], stages: readonly FunnelStage[]): Group[] {
  const groups: Group[] = [];
  for (const stage of stages) {
    for (const kind of ['keyAction', 'criterion'] as const) {
      const mine = items.filter((item) => item.stageKey === stage.key && item.kind === kind);
      if (mine.length > 0) groups.push({ stage, kind, items: mine });
    }
  }
  return groups;
}

/**
 * 还不能进入「X」: every unmet criterion and key action of a refused move, each with a way to
 * meet it here (tick with evidence, log the follow-up, add the document, fill the field), the
 * move once nothing is missing, and for managers a recorded override. Serves a deal and a
 * customer's lifecycle alike.
 */
export function GateDialog(props: {
  subject: StageSubject;
  /** The deal's or the customer's name, and the stage it is in now. */
  name: string;
  fromName: string;
  to: FunnelStage;
  stages: readonly FunnelStage[];
  initialUnmet: UnmetItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const { subject, name, to, stages } = props;
  const preview = useGatePreview(subject, to.key);
  const move = useMoveStage();
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const missing = preview.data?.unmet ?? props.initialUnmet;
  // Items met meanwhile stay in the list, ticked off; new ones (a changed funnel) are added.
  const items = [
    ...props.initialUnmet,
    ...missing.filter((item) => !props.initialUnmet.some((known) => same(known, item))),
  ];
  const isMissing = (item: UnmetItem) => missing.some((other) => same(other, item));
  const allMet = preview.data?.allowed === true && missing.length === 0;
  const canOverride = me.role !== 'rep' && (preview.data?.canOverride ?? true);

  async function submit(overrideReason?: string) {
    setProblem(null);
    try {
      await move.mutateAsync({ subject, toStageKey: to.key, overrideReason });
      message.success(
        overrideReason
          ? t('deals.gate.overridden', { name, stage: to.name })
          : t('deals.moved', { name, stage: to.name }),
      );
      props.onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stage_gate_unmet') {
        await preview.refetch();
        setProblem(t('deals.gate.stillMissing'));
      } else setProblem(describeError(t, error));
    }
  }

  return (
    <Modal
      open
      width={720}
      title={t('deals.gate.title', { stage: to.name })}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" wrap gap={8}>
          <Button onClick={props.onClose}>{t('common.close')}</Button>
          {canOverride && !overriding && !allMet && (
            <Button danger onClick={() => setOverriding(true)}>
              {t('deals.gate.override')}
            </Button>
          )}
          <Button
            type="primary"
            disabled={!allMet}
            loading={move.isPending && !overriding}
            onClick={() => void submit()}
          >
            {t('deals.gate.moveTo', { stage: to.name })}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph>
        {t('deals.gate.intro', { name, from: props.fromName, to: to.name })}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {allMet && (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title={t('deals.gate.allMet', { stage: to.name })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Flex vertical gap={16}>
        {groupsOf(items, stages).map((group) => (
          <section key={`${group.stage.key}:${group.kind}`} aria-label={groupTitle(group)}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {groupTitle(group)}
            </Typography.Title>
            <Flex vertical gap={8}>
              {group.items.map((item) =>
                item.kind === 'criterion' ? (
                  <CriterionRow
                    key={item.id}
                    subject={subject}
                    item={item}
                    met={!isMissing(item)}
                  />
                ) : (
                  <KeyActionRow
                    key={item.id}
                    subject={subject}
                    item={missing.find((other) => same(other, item)) ?? item}
                    action={group.stage.keyActions.find((action) => action.id === item.id)}
                    met={!isMissing(item)}
                  />
                ),
              )}
            </Flex>
          </section>
        ))}
      </Flex>
      {overriding && (
        <Flex vertical gap={8} style={{ marginTop: 16 }}>
          <Alert type="warning" showIcon title={t('deals.gate.overrideHint')} />
          <Input.TextArea
            aria-label={t('deals.gate.overrideReason')}
            placeholder={t('deals.gate.overrideReason')}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            autoFocus
          />
          <Space>
            <Button onClick={() => setOverriding(false)}>{t('common.cancel')}</Button>
            <Button
              danger
              type="primary"
              disabled={reason.trim() === ''}
              loading={move.isPending}
              onClick={() => void submit(reason.trim())}
            >
              {t('deals.gate.overrideConfirm', { stage: to.name })}
            </Button>
          </Space>
        </Flex>
      )}
    </Modal>
  );

  function groupTitle(group: Group): string {
    return group.kind === 'keyAction'
      ? t('deals.gate.keyActionsOf', { stage: group.stage.name })
      : t('deals.gate.criteriaOf', { stage: group.stage.name });
  }
}
