import { App, Button, Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errors';
import { type ChurnReport, useWarningTask } from './api';

type Warning = ChurnReport['items'][number]['warnings'][number];

/** One churn flag: its label (with the figures behind it) coloured by severity. */
export function WarningTag({ warning }: { warning: Warning }) {
  return (
    <Tag color={warning.severity === 'critical' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
      {warning.label}
    </Tag>
  );
}

/** "Create follow-up task": a task for the owner due today (an open one is reused). */
export function WarningTaskButton(props: { customerId: string; warning: Warning }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const task = useWarningTask();
  return (
    <Tooltip title={t('qualification.churn.taskHint')}>
      <Button
        size="small"
        loading={task.isPending}
        aria-label={`${t('qualification.churn.createTask')} · ${props.warning.label}`}
        onClick={async (event) => {
          event.stopPropagation();
          try {
            const result = await task.mutateAsync({
              customerId: props.customerId,
              code: props.warning.code,
            });
            message.success(
              result.created
                ? t('qualification.churn.taskCreated')
                : t('qualification.churn.taskOpen'),
            );
          } catch (error) {
            message.error(describeError(t, error));
          }
        }}
      >
        {t('qualification.churn.createTask')}
      </Button>
    </Tooltip>
  );
}

/** A customer's flags, each with its task button. */
export function WarningList(props: { customerId: string; warnings: Warning[] }) {
  return (
    <Flex vertical gap={6}>
      {props.warnings.map((warning) => (
        <Flex key={warning.code} gap={8} align="center" justify="space-between" wrap>
          <WarningTag warning={warning} />
          <WarningTaskButton customerId={props.customerId} warning={warning} />
        </Flex>
      ))}
    </Flex>
  );
}
