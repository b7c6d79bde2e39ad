import { Grid, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lifecycle } from '../../api/types';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

function statusOf(
  index: number,
  current: number,
  stale: boolean,
  terminal: string | null,
): StepStatus {
  if (current === -1 || index > current) return 'wait';
  if (index < current || terminal === 'won') return 'finish';
  return stale ? 'error' : 'process';
}

/**
 * 目标 → 清单 → 潜在 → 意向 → 订单 → 在网: the stages passed, the current one (red when stale) and
 * those ahead. Lost is not a step; the card says it with a tag. Vertical on a phone.
 */
export function LifecycleStepper({ lifecycle }: { lifecycle: Lifecycle }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().sm === false;
  const steps = lifecycle.stages.filter((stage) => stage.terminal !== 'lost');
  const current = steps.findIndex((stage) => stage.key === lifecycle.stageKey);
  return (
    <section aria-label={t('lifecycle.stepper')}>
      <Steps
        size="small"
        orientation={phone ? 'vertical' : 'horizontal'}
        titlePlacement={phone ? 'horizontal' : 'vertical'}
        responsive={false}
        current={current}
        items={steps.map((stage, index) => {
          const here = index === current;
          return {
            key: stage.key,
            title: stage.name,
            status: statusOf(index, current, lifecycle.stale, stage.terminal),
            content:
              here && lifecycle.daysInStage !== null
                ? t('lifecycle.days', { days: lifecycle.daysInStage })
                : undefined,
          };
        })}
      />
    </section>
  );
}
