import { Button, DatePicker, Form, Grid, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type EdgeUnit, edgesFromYuan, edgesToYuan } from './bucketEdges';
import type { RevenueFilters as Filters } from './revenueApi';

interface FormValues {
  edges: string;
  unit: EdgeUnit;
  product?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

function edgesProblem(t: TFunction, text: string, unit: EdgeUnit): string | null {
  const result = edgesToYuan(text ?? '', unit);
  if (result.ok) return null;
  switch (result.problem) {
    case 'empty':
      return t('revenueFunnel.edges.empty');
    case 'notANumber':
      return t('revenueFunnel.edges.notANumber', { item: result.item });
    case 'notPositive':
      return t('revenueFunnel.edges.notPositive', { item: result.item });
    case 'notIncreasing':
      return t('revenueFunnel.edges.notIncreasing', { item: result.item });
  }
}

const DAY = 'YYYY-MM-DD';

/** Edges (in 万 or 元), product and period; Enter or the button applies them. */
export function RevenueFilters({
  value,
  onChange,
  serverEdgesError,
}: {
  value: Filters;
  onChange: (filters: Filters) => void;
  serverEdgesError: string | null;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const phone = Grid.useBreakpoint().md === false;

  useEffect(() => {
    const { text, unit } = edgesFromYuan(value.edges);
    form.setFieldsValue({
      edges: text,
      unit,
      product: value.product ?? '',
      period:
        value.from || value.to
          ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]
          : null,
    });
  }, [form, value]);

  useEffect(() => {
    if (serverEdgesError) form.setFields([{ name: 'edges', errors: [serverEdgesError] }]);
  }, [form, serverEdgesError]);

  const apply = (values: FormValues) => {
    const edges = edgesToYuan(values.edges, values.unit);
    if (!edges.ok) return;
    const [from, to] = values.period ?? [];
    onChange({
      edges: edges.yuan,
      product: values.product?.trim() || undefined,
      from: from?.format(DAY),
      to: to?.format(DAY),
    });
  };

  const today = dayjs();
  return (
    <Form<FormValues>
      form={form}
      layout={phone ? 'vertical' : 'inline'}
      onFinish={apply}
      style={{ rowGap: 12 }}
    >
      <Form.Item
        label={t('revenueFunnel.edges.label')}
        required
        tooltip={t('revenueFunnel.edges.hint')}
      >
        <Space.Compact block={phone}>
          <Form.Item
            name="edges"
            noStyle
            rules={[
              {
                validator: async (_rule, text: string) => {
                  const problem = edgesProblem(t, text, form.getFieldValue('unit') as EdgeUnit);
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            <Input
              aria-label={t('revenueFunnel.edges.label')}
              style={phone ? undefined : { width: 200 }}
            />
          </Form.Item>
          <Form.Item name="unit" noStyle>
            <Select
              aria-label={t('revenueFunnel.edges.unit')}
              style={{ width: 72 }}
              options={[
                { value: 'wan', label: t('revenueFunnel.edges.wan') },
                { value: 'yuan', label: t('revenueFunnel.edges.yuan') },
              ]}
              onChange={() => void form.validateFields(['edges'])}
            />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item
        name="product"
        label={t('revenueFunnel.product')}
        tooltip={t('revenueFunnel.productHint')}
      >
        <Input
          allowClear
          placeholder={t('revenueFunnel.allProducts')}
          style={phone ? undefined : { width: 180 }}
        />
      </Form.Item>
      <Form.Item name="period" label={t('revenueFunnel.period')}>
        <DatePicker.RangePicker
          style={phone ? { width: '100%' } : undefined}
          allowEmpty={[true, true]}
          placeholder={[t('revenueFunnel.periodStart'), t('revenueFunnel.periodEnd')]}
          presets={[
            { label: t('revenueFunnel.thisYear'), value: [today.startOf('year'), today] },
            {
              label: t('revenueFunnel.lastYear'),
              value: [
                today.subtract(1, 'year').startOf('year'),
                today.subtract(1, 'year').endOf('year'),
              ],
            },
            { label: t('revenueFunnel.last12Months'), value: [today.subtract(12, 'month'), today] },
          ]}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('revenueFunnel.apply')}
        </Button>
      </Form.Item>
    </Form>
  );
}
