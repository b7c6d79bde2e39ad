import BellOutlined from '@ant-design/icons/es/icons/BellOutlined';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { currentLocale } from '../i18n';
import { formatRelative } from '../lib/format';
import { useReminders } from '../pages/tasks/reminders';

/** The header's reminders: open tasks due now or earlier, counted on the bell and listed under it. */
export function RemindersBell({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reminders = useReminders();
  const [open, setOpen] = useState(false);
  const lapsing = reminders.data?.lapseWarnings ?? 0;
  const count = (reminders.data?.count ?? 0) + lapsing;
  const locale = currentLocale();

  const list = (
    <Flex vertical style={{ width: 300, maxWidth: 'calc(100vw - 48px)' }}>
      {lapsing > 0 && (
        <Link to="/my-list" onClick={() => setOpen(false)} style={{ padding: '6px 8px' }}>
          <Typography.Text type="warning">
            {t('reminders.lapsing', { count: lapsing })}
          </Typography.Text>
        </Link>
      )}
      {(reminders.data?.items ?? []).length === 0 && lapsing === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reminders.none')} />
      ) : (
        <Flex vertical style={{ maxHeight: 360, overflowY: 'auto' }}>
          {reminders.data?.items.map((task) => (
            <Button
              key={task.id}
              type="text"
              style={{ height: 'auto', textAlign: 'start', padding: '6px 8px', display: 'block' }}
              onClick={() => {
                setOpen(false);
                navigate(task.customerId ? `/customers/${task.customerId}` : '/tasks');
              }}
            >
              <Typography.Text ellipsis style={{ display: 'block' }}>
                {task.title}
              </Typography.Text>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {formatRelative(task.dueAt, locale)}
              </Typography.Text>
              {task.customerName && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' · '}
                  {task.customerName}
                </Typography.Text>
              )}
            </Button>
          ))}
        </Flex>
      )}
      <Flex justify="center" style={{ borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 8 }}>
        <Link to="/my-day" onClick={() => setOpen(false)}>
          {t('reminders.openMyDay')}
        </Link>
      </Flex>
    </Flex>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('reminders.title')}
      content={list}
    >
      <Button
        type="text"
        size={compact ? 'small' : 'middle'}
        aria-label={t('reminders.label', { count })}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
