import { Alert, App, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../../domain/vocabulary';
import { ACTIVITY_TYPES } from '../../../domain/vocabulary';
import type { CreateActivityRequest, FunnelStage } from '../../api/types';
import { showServerErrors } from '../../lib/errors';
import { activityTypeLabel, contactRoleLabel } from '../funnels/labels';
import { useContacts, useLogActivity } from './api';
import type { StageSubject } from './stageApi';

type ActivityAction = Extract<FunnelStage['keyActions'][number], { kind: 'activity' }>;

interface Values {
  type: ActivityType;
  contactId?: string;
  effective: boolean;
  summary: string;
  feedback?: string;
}

const FIELDS = ['type', 'contactId', 'effective', 'summary', 'feedback'] as const;

/** 记录跟进 on the deal (or the customer's lifecycle): what its key actions count, preset to the action. */
export function FollowUpDialog(props: {
  subject: StageSubject;
  action?: ActivityAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const log = useLogActivity();
  const contacts = useContacts(props.subject.customerId);
  const [problem, setProblem] = useState<string | null>(null);
  const roles = props.action?.contactRoles ?? [];
  const contactOptions = (contacts.data ?? [])
    .filter((contact) => roles.length === 0 || (contact.role && roles.includes(contact.role)))
    .map((contact) => ({
      value: contact.id,
      label: contact.role ? `${contact.name} · ${contactRoleLabel(t, contact.role)}` : contact.name,
    }));

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      const body: CreateActivityRequest = {
        customerId: props.subject.customerId,
        dealId: props.subject.dealId,
        contactId: values.contactId ?? null,
        type: values.type,
        effective: values.effective,
        summary: values.summary.trim(),
        feedback: values.feedback?.trim() || null,
      };
      await log.mutateAsync(body);
      message.success(t('deals.followUp.logged'));
      props.onClose();
    } catch (error) {
      setProblem(showServerErrors(t, form, FIELDS, error));
    }
  }

  return (
    <Modal
      open
      title={t('deals.followUp.title', { customer: props.subject.customerName })}
      okText={t('deals.followUp.submit')}
      okButtonProps={{ htmlType: 'submit', loading: log.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="follow-up"
          layout="vertical"
          initialValues={{
            type: props.action?.activityTypes?.[0] ?? 'call',
            effective: true,
          }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {props.action && (
        <Typography.Paragraph type="secondary">
          {t('deals.followUp.for', { action: props.action.label })}
        </Typography.Paragraph>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="type"
        label={t('deals.followUp.type')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          options={ACTIVITY_TYPES.map((type) => ({
            value: type,
            label: activityTypeLabel(t, type),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="contactId"
        label={t('deals.followUp.contact')}
        extra={
          roles.length > 0
            ? t('deals.followUp.contactRoles', {
                roles: roles
                  .map((role) => contactRoleLabel(t, role))
                  .join(t('deals.listSeparator')),
              })
            : undefined
        }
        rules={roles.length > 0 ? [{ required: true, message: t('validation.required') }] : []}
      >
        <Select
          allowClear
          loading={contacts.isPending}
          options={contactOptions}
          notFoundContent={t('deals.followUp.noContacts')}
        />
      </Form.Item>
      <Form.Item
        name="effective"
        label={t('deals.followUp.effective')}
        valuePropName="checked"
        extra={
          props.action?.effectiveOnly
            ? t('deals.followUp.effectiveNeeded')
            : t('deals.followUp.effectiveHint')
        }
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('deals.followUp.summary')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 5000, message: t('validation.maxLength', { max: 5000 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus />
      </Form.Item>
      <Form.Item name="feedback" label={t('deals.followUp.feedback')} rules={[{ max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
    </Modal>
  );
}
