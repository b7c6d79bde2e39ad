import { App } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Customer, FunnelStage, Lifecycle, UnmetItem } from '../../api/types';
import { describeError } from '../../lib/errors';
import { GateDialog } from '../deals/GateDialog';
import { type StageSubject, useMoveStage } from '../deals/stageApi';

/**
 * Moving a customer's lifecycle stage: the server's gate decides, as for a deal. A refused move
 * opens the deal board's gate dialog with what is missing; moving back needs no gate.
 */
export function useLifecycleMove(
  customer: Pick<Customer, 'id' | 'name'>,
  lifecycle: Lifecycle | undefined,
  stages: readonly FunnelStage[] | undefined,
): { requestMove: (toStageKey: string) => void; movingTo: string | null; dialogs: ReactNode } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveStage();
  const [pending, setPending] = useState<{ to: FunnelStage; unmet: UnmetItem[] } | null>(null);
  const subject: StageSubject = {
    customerId: customer.id,
    customerName: customer.name,
    dealId: null,
  };

  async function requestMove(toStageKey: string) {
    const to = stages?.find((stage) => stage.key === toStageKey);
    if (!to) return;
    try {
      await move.mutateAsync({ subject, toStageKey });
      message.success(t('deals.moved', { name: customer.name, stage: to.name }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stage_gate_unmet') {
        const unmet = (error.problem.errors ?? []) as UnmetItem[];
        if (unmet.some((item) => item.kind === 'terminal')) message.info(t('lifecycle.closed'));
        else setPending({ to, unmet });
      } else {
        message.error(describeError(t, error));
      }
    }
  }

  const dialogs =
    pending && stages ? (
      <GateDialog
        subject={subject}
        name={customer.name}
        fromName={lifecycle?.stageName ?? t('lifecycle.outside')}
        to={pending.to}
        stages={stages}
        initialUnmet={pending.unmet}
        onClose={() => setPending(null)}
      />
    ) : null;
  return {
    requestMove: (key) => void requestMove(key),
    movingTo: move.isPending && !pending ? (move.variables?.toStageKey ?? null) : null,
    dialogs,
  };
}
