import { App } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Deal, FunnelStage, UnmetItem } from '../../api/types';
import { describeError } from '../../lib/errors';
import { useMoveDeal } from './api';
import { GateDialog } from './GateDialog';
import { LostDialog } from './LostDialog';
import { subjectOfDeal } from './stageApi';

type Pending =
  | { kind: 'gate'; deal: Deal; to: FunnelStage; unmet: UnmetItem[] }
  | { kind: 'lost'; deal: Deal; to: FunnelStage }
  | null;

/**
 * Moving a deal, from a drop on the board or a menu: the server's gate decides. An unmet gate
 * opens the dialog that lists what is missing; lost first asks for the reason.
 */
export function useMoveFlow(stages: readonly FunnelStage[] | undefined): {
  requestMove: (deal: Deal, toStageKey: string) => void;
  movingId: string | null;
  dialogs: ReactNode;
} {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveDeal();
  const [pending, setPending] = useState<Pending>(null);
  const [movingId, setMovingId] = useState<string | null>(null);

  async function requestMove(deal: Deal, toStageKey: string) {
    const to = stages?.find((stage) => stage.key === toStageKey);
    if (!to || toStageKey === deal.stageKey) return;
    if (deal.status !== 'open') {
      message.info(t('deals.closedCannotMove'));
      return;
    }
    if (to.terminal === 'lost') {
      setPending({ kind: 'lost', deal, to });
      return;
    }
    setMovingId(deal.id);
    try {
      await move.mutateAsync({ id: deal.id, toStageKey, version: deal.version });
      message.success(t('deals.moved', { name: deal.name, stage: to.name }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stage_gate_unmet') {
        const unmet = (error.problem.errors ?? []) as UnmetItem[];
        if (unmet.some((item) => item.kind === 'terminal'))
          message.info(t('deals.closedCannotMove'));
        else setPending({ kind: 'gate', deal, to, unmet });
      } else if (error instanceof ApiError && error.code === 'version_conflict') {
        message.warning(t('deals.changedMeanwhile'));
      } else {
        message.error(describeError(t, error));
      }
    } finally {
      setMovingId(null);
    }
  }

  const close = () => setPending(null);
  let dialogs: ReactNode = null;
  if (pending?.kind === 'gate' && stages) {
    dialogs = (
      <GateDialog
        subject={subjectOfDeal(pending.deal)}
        name={pending.deal.name}
        fromName={
          stages.find((stage) => stage.key === pending.deal.stageKey)?.name ??
          pending.deal.stageName
        }
        to={pending.to}
        stages={stages}
        initialUnmet={pending.unmet}
        onClose={close}
      />
    );
  } else if (pending?.kind === 'lost') {
    dialogs = <LostDialog deal={pending.deal} to={pending.to} onClose={close} />;
  }
  return { requestMove: (deal, key) => void requestMove(deal, key), movingId, dialogs };
}
