import { Flex, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../domain/format';
import { currentLocale } from '../../i18n';
import type { PreviewResult } from './api';

/** "With these rules, 37 customers would lapse tomorrow": totals, by rule, by owner, a sample. */
export function PreviewResultView({ result }: { result: PreviewResult }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const day = formatDate(result.day, locale);
  return (
    <Flex vertical gap={16}>
      <Typography.Text strong role="status">
        {t('ownership.preview.headline', { count: result.lapsing, day, warning: result.warning })}
      </Typography.Text>
      <Flex gap={32} wrap>
        <Statistic title={t('ownership.preview.lapsing')} value={result.lapsing} />
        <Statistic title={t('ownership.preview.warning')} value={result.warning} />
      </Flex>
      <Table
        rowKey="index"
        size="small"
        pagination={false}
        title={() => t('ownership.preview.byRule')}
        dataSource={result.byRule}
        columns={[
          { key: 'name', title: t('ownership.rules.name'), dataIndex: 'name' },
          { key: 'lapsing', title: t('ownership.preview.lapsing'), dataIndex: 'lapsing' },
          { key: 'warning', title: t('ownership.preview.warning'), dataIndex: 'warning' },
        ]}
      />
      <Table
        rowKey="userId"
        size="small"
        pagination={false}
        title={() => t('ownership.preview.byOwner')}
        dataSource={result.byOwner}
        locale={{ emptyText: t('ownership.preview.nobody') }}
        columns={[
          { key: 'name', title: t('customers.fields.owner'), dataIndex: 'name' },
          { key: 'lapsing', title: t('ownership.preview.lapsing'), dataIndex: 'lapsing' },
          { key: 'warning', title: t('ownership.preview.warning'), dataIndex: 'warning' },
        ]}
      />
      <Table
        rowKey="customerId"
        size="small"
        pagination={false}
        title={() => t('ownership.preview.sample')}
        dataSource={result.sample}
        locale={{ emptyText: t('ownership.preview.nobody') }}
        columns={[
          {
            key: 'customer',
            title: t('customers.fields.name'),
            render: (_, row) => <Link to={`/customers/${row.customerId}`}>{row.customerName}</Link>,
          },
          {
            key: 'rule',
            title: t('ownership.rules.name'),
            render: (_, row) => <Tag>{row.ruleName}</Tag>,
          },
          {
            key: 'triggers',
            title: t('ownership.preview.trigger'),
            render: (_, row) =>
              row.triggers
                .map((trigger) =>
                  trigger === 'no_activity'
                    ? t('myList.warning.noActivity')
                    : t('myList.warning.noProgress'),
                )
                .join(t('pool.trigger.and')),
          },
          {
            key: 'deadline',
            title: t('ownership.preview.deadline'),
            render: (_, row) => formatDate(row.deadline, locale),
          },
        ]}
      />
    </Flex>
  );
}
