import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, FunnelStage } from '../../api/types';
import { describeError } from '../../lib/errors';
import { useLostReasons, useMoveDeal } from './api';

/** 丢单: a lost deal is closed for good, so the dialog asks for the reason from the org's list. */
export function LostDialog(props: { deal: Deal; to: FunnelStage; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ lostReason: string }>();
  const reasons = useLostReasons();
  const move = useMoveDeal();
  const [problem, setProblem] = useState<string | null>(null);

  async function onFinish({ lostReason }: { lostReason: string }) {
    setProblem(null);
    try {
      await move.mutateAsync({ id: props.deal.id, toStageKey: props.to.key, lostReason });
      message.success(t('deals.lost.done', { name: props.deal.name }));
      props.onClose();
    } catch (error) {
      setProblem(describeError(t, error));
    }
  }

  return (
    <Modal
      open
      title={t('deals.lost.title', { name: props.deal.name })}
      okText={t('deals.lost.confirm', { stage: props.to.name })}
      okButtonProps={{ htmlType: 'submit', danger: true, loading: move.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} name="lost" layout="vertical" onFinish={onFinish}>
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">{t('deals.lost.hint')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="lostReason"
        label={t('deals.lost.reason')}
        rules={[{ required: true, message: t('validation.choose') }]}
      >
        <Select
          autoFocus
          loading={reasons.isPending}
          options={(reasons.data ?? [])
            .filter((reason) => reason.active)
            .map((reason) => ({ value: reason.id, label: reason.name }))}
        />
      </Form.Item>
    </Modal>
  );
}
