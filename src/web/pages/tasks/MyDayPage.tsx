import GiftOutlined from '@ant-design/icons/es/icons/GiftOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Badge, Button, Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../domain/format';
import type { MyDay, Task } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { TeamLeakCard } from '../funnelReviews/TeamLeakCard';
import { LapseWarningList } from '../pool/LapseWarningList';
import { MyDayChurnCard } from '../qualification/MyDayChurnCard';
import { MyFunnelCard } from '../reports/MyFunnelCard';
import { ActivityProgressCard } from '../workData/ActivityProgressCard';
import { useMyDay } from './api';
import { TaskLine } from './TaskLine';

// The form (date picker, selects) loads on the first click: the home page should not wait for it.
const TaskFormModal = lazy(() =>
  import('./TaskFormModal').then((module) => ({ default: module.TaskFormModal })),
);

function Section(props: {
  title: string;
  count: number;
  color?: string;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{props.title}</span>
          <Badge
            count={props.count}
            color={props.count > 0 ? (props.color ?? '#8c8c8c') : '#d9d9d9'}
            showZero
          />
        </Flex>
      }
    >
      {props.count === 0 ? (
        <Typography.Text type="secondary">{props.empty}</Typography.Text>
      ) : (
        props.children
      )}
    </Card>
  );
}

function TaskSection(props: { title: string; tasks: Task[]; color?: string; empty: string }) {
  const me = useCurrentUser();
  return (
    <Section title={props.title} count={props.tasks.length} color={props.color} empty={props.empty}>
      <Flex vertical>
        {props.tasks.map((task) => (
          <TaskLine key={task.id} task={task} showAssignee={task.assigneeId !== me.id} />
        ))}
      </Flex>
    </Section>
  );
}

function Birthdays({ day }: { day: MyDay }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Section
      title={t('myDay.birthdays')}
      count={day.birthdays.length}
      color="#eb2f96"
      empty={t('myDay.noBirthdays')}
    >
      <Flex vertical gap={8}>
        {day.birthdays.map((birthday) => (
          <Flex key={birthday.contactId} gap={8} align="flex-start">
            <GiftOutlined style={{ color: '#eb2f96', marginTop: 4 }} />
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text>
                {birthday.contactName} ·{' '}
                <Link to={`/customers/${birthday.customerId}`}>{birthday.customerName}</Link>
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(birthday.date, locale)} ·{' '}
                {birthday.daysAway === 0
                  ? t('myDay.birthdayToday')
                  : t('myDay.inDays', { count: birthday.daysAway })}
                {birthday.turns > 0 && ` · ${t('myDay.turns', { count: birthday.turns })}`}
              </Typography.Text>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Section>
  );
}

function Neglected({ day }: { day: MyDay }) {
  const { t } = useTranslation();
  const { items, afterDays } = day.neglected;
  return (
    <Section
      title={t('myDay.neglected', { count: afterDays })}
      count={items.length}
      color="#fa8c16"
      empty={t('myDay.noNeglected', { count: afterDays })}
    >
      <Flex vertical gap={6}>
        {items.map((item) => (
          <Flex key={item.customerId} justify="space-between" gap={8}>
            <Link to={`/customers/${item.customerId}`} style={{ minWidth: 0 }}>
              {item.customerName}
            </Link>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
              {item.lastContactAt
                ? t('myDay.daysSince', { count: item.daysSince })
                : t('myDay.neverSince', { count: item.daysSince })}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Section>
  );
}

/** Customers about to lapse back to the pool unless followed up (回收预警). */
function LapseWarnings({ day }: { day: MyDay }) {
  const { t } = useTranslation();
  return (
    <Section
      title={t('myDay.lapsing')}
      count={day.lapseWarnings.length}
      color="#ff4d4f"
      empty={t('myDay.noLapsing')}
    >
      <LapseWarningList items={day.lapseWarnings} />
    </Section>
  );
}

/**
 * 工作台: my funnel and this month's target, then what to do today — tasks by due date,
 * birthdays coming up, customers gone quiet.
 */
export default function MyDayPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const day = useMyDay();
  const [creating, setCreating] = useState(false);
  const locale = currentLocale();

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('nav.myDay')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {day.data
              ? t('myDay.greeting', { name: me.name, date: formatDate(day.data.date, locale) })
              : me.name}
          </Typography.Text>
        </Flex>
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tasks.create')}
        </Button>
      </Flex>
      {/* Outside the tasks' loading state, so its calls start at once rather than after them. */}
      <div style={{ marginBottom: 16 }}>
        <MyFunnelCard />
      </div>
      {day.isPending ? (
        <ListSkeleton rows={10} />
      ) : day.isError ? (
        <ErrorState error={day.error} onRetry={() => void day.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Flex vertical gap={16}>
              <TaskSection
                title={t('myDay.overdue')}
                tasks={day.data.overdue}
                color="#ff4d4f"
                empty={t('myDay.noOverdue')}
              />
              <TaskSection
                title={t('myDay.today')}
                tasks={day.data.today}
                color="#1677ff"
                empty={t('myDay.noToday')}
              />
              <TaskSection
                title={t('myDay.upcoming')}
                tasks={day.data.upcoming}
                empty={t('myDay.noUpcoming')}
              />
            </Flex>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16}>
              <ActivityProgressCard />
              {me.role !== 'rep' && <TeamLeakCard />}
              <LapseWarnings day={day.data} />
              <Birthdays day={day.data} />
              <Neglected day={day.data} />
              <MyDayChurnCard />
            </Flex>
          </Col>
        </Row>
      )}
      {creating && (
        <Suspense fallback={null}>
          <TaskFormModal onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
