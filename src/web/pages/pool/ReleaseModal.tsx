import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../../lib/errors';
import { usePoolSettings, useRelease } from './api';

/** 释放: put a customer back in the pool, saying why (required when the org says so). */
export function ReleaseModal(props: {
  customer: { id: string; name: string };
  onClose: (released: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const settings = usePoolSettings();
  const release = useRelease();
  const [problem, setProblem] = useState<string | null>(null);
  const required = settings.data?.releaseReasonRequired ?? true;

  const submit = (values: { reason?: string }) => {
    setProblem(null);
    release.mutate(
      { id: props.customer.id, reason: values.reason?.trim() || null },
      {
        onSuccess: () => props.onClose(true),
        onError: (error) => setProblem(showServerErrors(t, form, ['reason'], error)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('myList.release.title', { name: props.customer.name })}
      okText={t('myList.release.ok')}
      okButtonProps={{ danger: true, loading: release.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('myList.release.cooldown', { count: settings.data?.cooldownDays ?? 0 })}
        />
        <Form.Item
          name="reason"
          label={t('myList.release.reason')}
          rules={[
            { required, whitespace: true, message: t('validation.required') },
            { max: 500, message: t('myList.release.tooLong') },
          ]}
        >
          <Input.TextArea rows={3} placeholder={t('myList.release.reasonHint')} autoFocus />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
