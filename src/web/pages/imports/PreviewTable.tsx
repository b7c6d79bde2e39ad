import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, isValidDay } from '../../../domain/format';
import type { ImportMapping, ImportPreview } from '../../api/types';
import { EmptyState } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { fieldLabel, rowMessage } from './labels';

type PreviewRow = ImportPreview['rows'][number];
type Value = PreviewRow['values'][string];

const MONEY_FIELDS = new Set(['amount', 'paidAmount']);

/** A value as the import read it: amounts in 元 and days in the user's own way of writing them. */
function useShowValue() {
  const locale = currentLocale();
  return (field: string, value: Value | undefined): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.join('、');
    if (typeof value === 'number' && MONEY_FIELDS.has(field)) {
      return formatMoney(Math.round(value * 100), locale);
    }
    if (typeof value === 'string' && isValidDay(value)) return formatDate(value, locale);
    return String(value);
  };
}

/** The first rows of the file as the import would read them, each with its problems. */
export function PreviewTable({
  preview,
  mapping,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
}) {
  const { t } = useTranslation();
  const showValue = useShowValue();
  const mapped = preview.fields.map((field) => field.key).filter((key) => mapping[key]);

  const columns: Column<PreviewRow>[] = [
    {
      key: 'row',
      title: t('imports.preview.row'),
      dataIndex: 'row',
      render: (row: number) => (
        <span style={{ whiteSpace: 'nowrap' }}>{t('imports.preview.rowNumber', { row })}</span>
      ),
    },
    {
      key: 'problems',
      title: t('imports.preview.check'),
      // Beside the row number, so a problem is seen without scrolling across.
      width: 240,
      render: (_, row) => {
        if (row.skip === 'blank') return <Tag>{t('imports.preview.skipBlank')}</Tag>;
        if (row.skip === 'subtotal') return <Tag>{t('imports.preview.skipSubtotal')}</Tag>;
        if (row.errors.length === 0) return <Tag color="success">{t('imports.preview.ok')}</Tag>;
        return (
          <Flex vertical>
            {row.errors.map((error) => (
              <Typography.Text key={error.field} type="danger">
                {rowMessage(t, error.message)}
              </Typography.Text>
            ))}
          </Flex>
        );
      },
    },
    ...mapped.map(
      (field): Column<PreviewRow> => ({
        key: field,
        title: fieldLabel(t, field),
        align: MONEY_FIELDS.has(field) ? 'right' : undefined,
        render: (_, row) => (
          <span style={{ whiteSpace: 'nowrap' }}>{showValue(field, row.values[field])}</span>
        ),
      }),
    ),
  ];

  return (
    <ResponsiveTable<PreviewRow>
      rowKey="row"
      columns={columns}
      dataSource={preview.rows}
      paginate={false}
      emptyText={<EmptyState description={t('imports.preview.noRows')} />}
    />
  );
}
