import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { OrgSettingsView } from '../../../api/types';
import { ErrorState, ListSkeleton } from '../../../components/PageStates';
import { showServerErrors } from '../../../lib/errors';
import { useOrgSettings, useUpdateOrgSettings } from './api';

interface Values {
  name: string;
  timeZone: string;
  neglectedAfterDays: number;
  exportDailyRowQuota: number;
  exportWarningRows: number;
}

const FIELDS = [
  'name',
  'timeZone',
  'neglectedAfterDays',
  'exportDailyRowQuota',
  'exportWarningRows',
] as const;

function SettingsForm({ settings }: { settings: OrgSettingsView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOrgSettings();
  const [base, setBase] = useState(settings);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf?.('timeZone') ?? [];
    return (known.includes(settings.timeZone) ? known : [settings.timeZone, ...known]).map(
      (zone) => ({ value: zone, label: zone }),
    );
  }, [settings.timeZone]);

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      const saved = await update.mutateAsync({
        version: base.version,
        name: values.name.trim(),
        timeZone: values.timeZone,
        neglectedAfterDays: values.neglectedAfterDays,
        exportDailyRowQuota: values.exportDailyRowQuota,
        exportWarningRows: values.exportWarningRows,
      });
      setBase(saved);
      message.success(t('orgSettings.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        const current = error.problem.current as OrgSettingsView | undefined;
        if (current) {
          setBase(current);
          form.setFieldsValue(current);
        }
        setProblem({ type: 'warning', text: t('errors.versionConflict') });
        return;
      }
      const said = showServerErrors(t, form, FIELDS, error);
      if (said) setProblem({ type: 'error', text: said });
    }
  }

  return (
    <Form<Values>
      form={form}
      name="org-settings"
      layout="vertical"
      initialValues={settings}
      onFinish={onFinish}
      style={{ maxWidth: 480 }}
    >
      {problem && (
        <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="name"
        label={t('orgSettings.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="timeZone"
        label={t('orgSettings.timeZone')}
        extra={t('orgSettings.timeZoneHint')}
      >
        <Select showSearch={{ optionFilterProp: 'label' }} options={zones} />
      </Form.Item>
      <Form.Item
        name="neglectedAfterDays"
        label={t('orgSettings.neglectedAfterDays')}
        extra={t('orgSettings.neglectedHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber min={1} max={365} precision={0} suffix={t('orgSettings.days')} />
      </Form.Item>
      <Form.Item
        name="exportDailyRowQuota"
        label={t('orgSettings.exportDailyRowQuota')}
        extra={t('orgSettings.exportQuotaHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber min={1} max={1_000_000} precision={0} suffix={t('orgSettings.rows')} />
      </Form.Item>
      <Form.Item
        name="exportWarningRows"
        label={t('orgSettings.exportWarningRows')}
        extra={t('orgSettings.exportWarningHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber min={1} max={1_000_000} precision={0} suffix={t('orgSettings.rows')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

/**
 * 设置 → 组织设置: the org's name, time zone, when a customer counts as not followed up, and the
 * export watch (daily quota, warning size).
 */
export default function OrgSettingsPage() {
  const { t } = useTranslation();
  const settings = useOrgSettings();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.orgSettings')}
      </Typography.Title>
      <Card>
        {settings.isPending ? (
          <ListSkeleton />
        ) : settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <SettingsForm settings={settings.data} />
        )}
      </Card>
    </>
  );
}
