import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, type ActivityType } from '../../../domain/vocabulary';
import {
  CONTACT_CHANNELS,
  type ContactChannel,
  OPPORTUNITY_SIGNALS,
  type OpportunitySignal,
} from '../../../domain/workData';
import { TOPIC_CATEGORIES } from '../../../server/modules/topics/defaultTopics';
import type { Customer } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { activityTypeLabel, topicCategoryLabel } from '../../lib/archiveLabels';
import { showServerErrors } from '../../lib/errors';
import { useTopics } from '../settings/archive/api';
import { channelLabel, signalLabel } from '../workData/labels';
import { useContacts, useLogActivity } from './api';

interface Values {
  type: ActivityType;
  occurredAt: Dayjs;
  contactId?: string | null;
  topicId?: string | null;
  summary: string;
  feedback?: string;
  objections?: string;
  effective: boolean;
  nextAction?: string;
  nextActionAt?: Dayjs | null;
  channel?: ContactChannel | null;
  signals?: OpportunitySignal[];
}

const FIELDS = [
  'type',
  'occurredAt',
  'contactId',
  'topicId',
  'summary',
  'feedback',
  'objections',
  'effective',
  'nextAction',
  'nextActionAt',
  'channel',
  'signals',
] as const;
const DATE_TIME = 'YYYY-MM-DD HH:mm';

/** 跟进: log a follow-up on the customer; its next action becomes a task with a reminder. */
export function ActivityFormModal(props: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const contacts = useContacts(props.customer.id);
  const topics = useTopics();
  const log = useLogActivity();
  const [problem, setProblem] = useState<string | null>(null);
  const nextAction = Form.useWatch('nextAction', form);

  const topicOptions = useMemo(
    () =>
      TOPIC_CATEGORIES.map((category) => ({
        label: topicCategoryLabel(t, category),
        options: (topics.data ?? [])
          .filter((topic) => topic.category === category)
          .map((topic) => ({ value: topic.id, label: topic.title })),
      })).filter((group) => group.options.length > 0),
    [topics.data, t],
  );

  /** The topic's template, filled with what we know, goes into the content. */
  function insertTemplate(topicId: string | null | undefined) {
    const topic = topics.data?.find((candidate) => candidate.id === topicId);
    if (!topic) return;
    const contactId = form.getFieldValue('contactId') as string | undefined;
    const contact = contacts.data?.find((candidate) => candidate.id === contactId);
    const text = topic.template
      .replaceAll('{{company}}', props.customer.name)
      .replaceAll('{{me}}', me.name)
      .replaceAll('{{contact}}', contact?.name ?? '{{contact}}');
    const current = (form.getFieldValue('summary') as string | undefined)?.trim();
    form.setFieldValue('summary', current ? `${current}\n${text}` : text);
  }

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      const activity = await log.mutateAsync({
        customerId: props.customer.id,
        type: values.type,
        effective: values.effective,
        summary: values.summary.trim(),
        feedback: values.feedback?.trim() || null,
        objections: values.objections?.trim() || null,
        contactId: values.contactId ?? null,
        topicId: values.topicId ?? null,
        occurredAt: values.occurredAt.toISOString(),
        nextAction: values.nextAction?.trim() || null,
        nextActionAt: values.nextActionAt?.toISOString() ?? null,
        channel: values.channel ?? null,
        signals: values.signals ?? [],
      });
      message.success(activity.taskId ? t('activities.loggedWithTask') : t('activities.logged'));
      props.onClose();
    } catch (error) {
      setProblem(showServerErrors(t, form, FIELDS, error));
    }
  }

  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open
      width={680}
      title={t('activities.logTitle', { name: props.customer.name })}
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: log.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="activity"
          layout="vertical"
          initialValues={{ type: 'call', occurredAt: dayjs(), effective: false }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="type" label={t('activities.fields.type')} rules={[{ required: true }]}>
            <Select
              options={ACTIVITY_TYPES.map((type) => ({
                value: type,
                label: activityTypeLabel(t, type),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="occurredAt"
            label={t('activities.fields.occurredAt')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={DATE_TIME}
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="contactId" label={t('activities.fields.contact')}>
            <Select
              allowClear
              placeholder={t('activities.noContact')}
              notFoundContent={t('contacts.empty')}
              options={(contacts.data ?? []).map((contact) => ({
                value: contact.id,
                label: contact.title ? `${contact.name} · ${contact.title}` : contact.name,
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="topicId"
            label={t('activities.fields.topic')}
            extra={t('activities.topicHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('activities.pickTopic')}
              options={topicOptions}
              onChange={(topicId: string | undefined) => insertTemplate(topicId)}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="summary"
            label={t('activities.fields.summary')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: 5000, message: t('validation.maxLength', { max: 5000 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="feedback" label={t('activities.fields.feedback')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="objections" label={t('activities.fields.objections')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="channel" label={t('workData.fields.channel')}>
            <Select
              allowClear
              placeholder={t('workData.noChannel')}
              options={CONTACT_CHANNELS.map((channel) => ({
                value: channel,
                label: channelLabel(t, channel),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="signals"
            label={t('workData.fields.signals')}
            tooltip={t('workData.signalsHint')}
          >
            <Select
              mode="multiple"
              allowClear
              placeholder={t('workData.noSignals')}
              options={OPPORTUNITY_SIGNALS.map((signal) => ({
                value: signal,
                label: signalLabel(t, signal),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="effective"
            label={t('activities.effective')}
            valuePropName="checked"
            extra={t('activities.effectiveHint')}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="nextAction"
            label={t('activities.fields.nextAction')}
            rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}
          >
            <Input autoComplete="off" placeholder={t('activities.nextActionPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="nextActionAt"
            label={t('activities.fields.nextActionAt')}
            extra={t('activities.nextActionHint')}
            rules={[
              {
                required: Boolean(nextAction?.trim()),
                message: t('activities.nextActionAtRequired'),
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={DATE_TIME}
              style={{ width: '100%' }}
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
    </Modal>
  );
}
