import { Alert, App, Button, Card, Form, InputNumber, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../../lib/errors';
import type { PoolSettings } from '../pool/api';
import { useUpdatePoolSettings } from './api';

interface PolicyValues {
  holdingLimit: number;
  wonDealsExempt: boolean;
  cooldownDays: number;
  dailyClaimQuota: number | null;
  releaseReasonRequired: boolean;
  gridSpillDays: number;
}

const FIELDS = [
  'holdingLimit',
  'wonDealsExempt',
  'cooldownDays',
  'dailyClaimQuota',
  'releaseReasonRequired',
  'gridSpillDays',
] as const;

/** The org's pool policy: default holding limit, cool-down, daily quota, grid spill-over. */
export function PolicyCard({ settings }: { settings: PoolSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyValues>();
  const update = useUpdatePoolSettings();
  const [problem, setProblem] = useState<string | null>(null);

  const save = (values: PolicyValues) => {
    setProblem(null);
    update.mutate(
      { ...values, dailyClaimQuota: values.dailyClaimQuota ?? null, version: settings.version },
      {
        onSuccess: () => void message.success(t('ownership.saved')),
        onError: (error) => setProblem(showServerErrors(t, form, FIELDS, error)),
      },
    );
  };

  const { min, typical, max } = settings.guidance;
  return (
    <Card title={t('ownership.policy.title')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={settings}
        onFinish={save}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="holdingLimit"
          label={t('ownership.policy.holdingLimit')}
          extra={t('ownership.policy.holdingLimitHint', { min, typical, max })}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="wonDealsExempt"
          label={t('ownership.policy.wonDealsExempt')}
          extra={t('ownership.policy.wonDealsExemptHint')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="cooldownDays"
          label={t('ownership.policy.cooldownDays')}
          extra={t('ownership.policy.cooldownDaysHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={3650} precision={0} suffix={t('ownership.days')} />
        </Form.Item>
        <Form.Item
          name="dailyClaimQuota"
          label={t('ownership.policy.dailyClaimQuota')}
          extra={t('ownership.policy.dailyClaimQuotaHint')}
        >
          <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="releaseReasonRequired"
          label={t('ownership.policy.releaseReasonRequired')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="gridSpillDays"
          label={t('ownership.policy.gridSpillDays')}
          extra={t('ownership.policy.gridSpillDaysHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={3650} precision={0} suffix={t('ownership.days')} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
