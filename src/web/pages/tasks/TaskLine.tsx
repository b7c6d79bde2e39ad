import { App, Checkbox, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { Task } from '../../api/types';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useUpdateTask } from './api';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function formatTime(iso: string, locale: string): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    timeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

/** One open task with a one-click "done" box, its customer and when it is due. */
export function TaskLine(props: { task: Task; showAssignee?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateTask();
  const { task } = props;
  const locale = currentLocale();
  const done = task.status === 'done';

  async function complete() {
    try {
      await update.mutateAsync({ id: task.id, version: task.version, status: 'done' });
      message.success(t('tasks.completed', { title: task.title }));
    } catch (error) {
      // Someone else changed it: the lists reload anyway; say why nothing happened.
      message.error(
        error instanceof ApiError && error.code === 'version_conflict'
          ? t('tasks.changedElsewhere')
          : describeError(t, error),
      );
    }
  }

  return (
    <Flex gap={10} align="flex-start" style={{ paddingBlock: 8 }}>
      <Checkbox
        checked={done || update.isPending}
        disabled={done || update.isPending || task.status === 'cancelled'}
        onChange={() => void complete()}
        aria-label={t('tasks.markDone', { title: task.title })}
        style={{ marginTop: 2 }}
      />
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text delete={done} style={{ overflowWrap: 'anywhere' }}>
          {task.title}
        </Typography.Text>
        <Flex gap={8} wrap style={{ fontSize: 12 }}>
          <Tooltip title={formatDateTime(task.dueAt, locale)}>
            <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {formatRelative(task.dueAt, locale)} · {formatTime(task.dueAt, locale)}
            </Typography.Text>
          </Tooltip>
          {task.customerId && task.customerName && (
            <Link to={`/customers/${task.customerId}`}>{task.customerName}</Link>
          )}
          {task.contactName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {task.contactName}
            </Typography.Text>
          )}
          {props.showAssignee && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tasks.assignedTo', { name: task.assigneeName })}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </Flex>
  );
}
