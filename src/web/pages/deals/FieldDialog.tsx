import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { DealDetail } from '../../api/types';
import { describeError } from '../../lib/errors';
import { factFieldLabel } from '../funnels/labels';
import { useFillCustomerField, useUpdateDeal } from './api';
import type { StageSubject } from './stageApi';

export const DEAL_FIELDS: ReadonlySet<string> = new Set([
  'amount',
  'budget',
  'expectedCloseDate',
  'products',
  'competitors',
  'nextStep',
]);
const MONEY = new Set(['amount', 'budget']);

/** Fills in the one deal or customer field a 'field' key action asks for (预算、规模…). */
export function FieldDialog(props: {
  subject: StageSubject;
  field: string;
  label: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ value: unknown }>();
  const updateDeal = useUpdateDeal();
  const fillCustomer = useFillCustomerField();
  const [problem, setProblem] = useState<string | null>(null);
  const { field } = props;
  const dealId = DEAL_FIELDS.has(field) ? props.subject.dealId : null;

  async function onFinish({ value }: { value: unknown }) {
    setProblem(null);
    const sent =
      field === 'expectedCloseDate' && value
        ? (value as Dayjs).format('YYYY-MM-DD')
        : typeof value === 'string'
          ? value.trim()
          : value;
    try {
      if (dealId) {
        // The deal's version as stored now: ticks and follow-ups do not change it, edits do.
        const fresh = await api.get<DealDetail>(`/deals/${dealId}`);
        await updateDeal.mutateAsync({ id: dealId, version: fresh.version, [field]: sent });
      } else {
        await fillCustomer.mutateAsync({
          customerId: props.subject.customerId,
          field,
          value: sent,
        });
      }
      message.success(t('deals.fieldSaved', { field: factFieldLabel(t, field) }));
      props.onClose();
    } catch (error) {
      setProblem(describeError(t, error));
    }
  }

  let input = <Input autoFocus autoComplete="off" />;
  if (MONEY.has(field))
    input = <InputNumber autoFocus min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} />;
  else if (field === 'headcount')
    input = <InputNumber autoFocus min={1} precision={0} style={{ width: '100%' }} />;
  else if (field === 'expectedCloseDate')
    input = <DatePicker autoFocus style={{ width: '100%' }} />;
  else if (field === 'products' || field === 'competitors')
    input = (
      <Select mode="tags" autoFocus open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
    );

  return (
    <Modal
      open
      title={props.label}
      okText={t('common.save')}
      okButtonProps={{
        htmlType: 'submit',
        loading: updateDeal.isPending || fillCustomer.isPending,
      }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} name="key-action-field" layout="vertical" onFinish={onFinish}>
          {dom}
        </Form>
      )}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="value"
        label={factFieldLabel(t, field)}
        extra={dealId ? t('deals.fieldOnDeal') : t('deals.fieldOnCustomer')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        {input}
      </Form.Item>
    </Modal>
  );
}
