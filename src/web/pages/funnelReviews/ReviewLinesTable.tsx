import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import { Button, DatePicker, Input, InputNumber, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/format/dates';
import { Money } from '../../components/Money';
import { currentLocale } from '../../i18n';
import type { ReviewLine } from './api';

/** A line as the editor holds it: the server's line plus what the rep typed. */
export type DraftLine = Omit<ReviewLine, 'id'> & { key: string };

/** Field errors of one line, keyed by the field name ('amount', 'successRate', …). */
export type LineErrors = Record<number, Record<string, string>>;

interface Props {
  lines: DraftLine[];
  editable: boolean;
  errors: LineErrors;
  onChange: (index: number, patch: Partial<DraftLine>) => void;
  onRemove: (index: number) => void;
}

function FieldError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
      {message}
    </Typography.Text>
  );
}

/** The report's lines (客户, 拟购产品, 金额, 预计购买时间, 成功率, 说明), inputs when editable. */
export function ReviewLinesTable({ lines, editable, errors, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const status = (index: number, field: string) => (errors[index]?.[field] ? 'error' : undefined);
  return (
    <Table<DraftLine>
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 960 }}
      dataSource={lines}
      locale={{ emptyText: t('funnelReviews.noLines') }}
      columns={[
        {
          key: 'customer',
          title: t('funnelReviews.customer'),
          width: 200,
          render: (_, line, index) => (
            <>
              <Typography.Text strong>{line.customerName}</Typography.Text>
              {line.dealName && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {line.dealName}
                </Typography.Text>
              )}
              <FieldError message={errors[index]?.customerId ?? errors[index]?.dealId} />
            </>
          ),
        },
        {
          key: 'products',
          title: t('funnelReviews.products'),
          width: 180,
          render: (_, line, index) =>
            editable ? (
              <Select
                mode="tags"
                style={{ width: '100%' }}
                aria-label={t('funnelReviews.products')}
                value={line.products}
                onChange={(products: string[]) => onChange(index, { products })}
                open={false}
                status={status(index, 'products')}
              />
            ) : (
              line.products.join('、')
            ),
        },
        {
          key: 'amount',
          title: t('funnelReviews.amount'),
          width: 150,
          align: 'right',
          render: (_, line, index) =>
            editable ? (
              <>
                <InputNumber
                  aria-label={t('funnelReviews.amount')}
                  min={0}
                  precision={2}
                  style={{ width: '100%' }}
                  value={line.amount}
                  status={status(index, 'amount')}
                  onChange={(amount) => onChange(index, { amount: amount ?? 0 })}
                />
                <FieldError message={errors[index]?.amount} />
              </>
            ) : (
              <Money amount={line.amount} />
            ),
        },
        {
          key: 'expectedCloseDate',
          title: t('funnelReviews.expectedCloseDate'),
          width: 160,
          render: (_, line, index) =>
            editable ? (
              <>
                <DatePicker
                  aria-label={t('funnelReviews.expectedCloseDate')}
                  style={{ width: '100%' }}
                  value={line.expectedCloseDate ? dayjs(line.expectedCloseDate) : null}
                  status={status(index, 'expectedCloseDate')}
                  onChange={(value) =>
                    onChange(index, {
                      expectedCloseDate: value ? value.format('YYYY-MM-DD') : null,
                    })
                  }
                />
                <FieldError message={errors[index]?.expectedCloseDate} />
              </>
            ) : line.expectedCloseDate ? (
              formatDate(line.expectedCloseDate, locale)
            ) : (
              '—'
            ),
        },
        {
          key: 'successRate',
          title: t('funnelReviews.successRate'),
          width: 110,
          align: 'right',
          render: (_, line, index) =>
            editable ? (
              <>
                <InputNumber
                  aria-label={t('funnelReviews.successRate')}
                  min={0}
                  max={100}
                  precision={0}
                  suffix="%"
                  style={{ width: '100%' }}
                  value={line.successRate}
                  status={status(index, 'successRate')}
                  onChange={(rate) => onChange(index, { successRate: rate ?? 0 })}
                />
                <FieldError message={errors[index]?.successRate} />
              </>
            ) : (
              `${line.successRate}%`
            ),
        },
        {
          key: 'comment',
          title: t('funnelReviews.lineComment'),
          render: (_, line, index) =>
            editable ? (
              <>
                <Input
                  aria-label={t('funnelReviews.lineComment')}
                  value={line.comment ?? ''}
                  maxLength={2000}
                  status={status(index, 'comment')}
                  onChange={(event) => onChange(index, { comment: event.target.value })}
                />
                <FieldError message={errors[index]?.comment} />
              </>
            ) : (
              (line.comment ?? '')
            ),
        },
        ...(editable
          ? [
              {
                key: 'remove',
                width: 56,
                render: (_: unknown, line: DraftLine, index: number) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('funnelReviews.removeLine', { name: line.customerName })}
                    onClick={() => onRemove(index)}
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
