import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDetail, Funnel } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { showServerErrors } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { useCreateDeal, useCustomerSearch } from './api';
import { GradePolicyNote } from './GradePolicyNote';

interface Values {
  customerId: string;
  funnelId: string;
  name: string;
  amount: number;
  expectedCloseDate?: Dayjs | null;
}

const FIELDS = ['customerId', 'funnelId', 'name', 'amount', 'expectedCloseDate'] as const;

/** 新建商机: a deal of one of the user's customers, entering the funnel's first stage. */
export default function NewDealDialog(props: {
  funnels: Funnel[];
  funnelId: string;
  onClose: () => void;
  onCreated: (deal: DealDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDeal();
  const [search, setSearch] = useState('');
  const me = useCurrentUser();
  const customers = useCustomerSearch(
    useDebounced(search.trim(), 250),
    me.role === 'rep' ? me.id : undefined,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const customerId = Form.useWatch('customerId', form);

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      const deal = await create.mutateAsync({
        customerId: values.customerId,
        funnelId: values.funnelId,
        name: values.name.trim(),
        amount: values.amount,
        expectedCloseDate: values.expectedCloseDate
          ? values.expectedCloseDate.format('YYYY-MM-DD')
          : null,
      });
      message.success(t('deals.createdIn', { name: deal.name, stage: deal.stageName }));
      props.onClose();
      props.onCreated(deal);
    } catch (error) {
      setProblem(showServerErrors(t, form, FIELDS, error));
    }
  }

  return (
    <Modal
      open
      title={t('deals.create')}
      okText={t('common.create')}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="new-deal"
          layout="vertical"
          initialValues={{ funnelId: props.funnelId }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="customerId"
        label={t('deals.customer')}
        rules={[{ required: true, message: t('validation.choose') }]}
        extra={t('deals.customerHint')}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          autoFocus
          loading={customers.isFetching}
          placeholder={t('deals.customerSearch')}
          notFoundContent={customers.isFetching ? null : t('deals.noCustomers')}
          options={(customers.data ?? []).map((customer) => ({
            value: customer.id,
            label: customer.city ? `${customer.name} · ${customer.city}` : customer.name,
          }))}
        />
      </Form.Item>
      <GradePolicyNote customerId={customerId} />
      <Form.Item name="funnelId" label={t('deals.funnel')} rules={[{ required: true }]}>
        <Select
          options={props.funnels.map((funnel) => ({ value: funnel.id, label: funnel.name }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('deals.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 200, message: t('validation.maxLength', { max: 200 }) },
        ]}
      >
        <Input autoComplete="off" placeholder={t('deals.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('deals.amount')}
        rules={[{ required: true, message: t('validation.required') }]}
        extra={t('deals.amountHint')}
      >
        <InputNumber
          min={0}
          max={1_000_000_000_000}
          precision={2}
          prefix="¥"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="expectedCloseDate" label={t('deals.expectedClose')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </Modal>
  );
}
