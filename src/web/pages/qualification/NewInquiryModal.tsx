import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateInquiryRequest } from '../../../server/modules/inquiries/inquiries.schema';
import { showServerErrors } from '../../lib/errors';
import { zodRule } from '../../lib/zodRule';
import { type Inquiry, useCreateInquiry } from './api';
import { channelLabel } from './labels';

export const INQUIRY_CHANNELS = ['email', 'website', 'alibaba', 'whatsapp', 'wechat', 'phone'];
const FIELDS = [
  'channel',
  'senderName',
  'senderEmail',
  'company',
  'country',
  'subject',
  'body',
] as const;

type Values = {
  channel: string;
  senderName?: string;
  senderEmail?: string;
  company?: string;
  country?: string;
  subject?: string;
  body: string;
};

/** Paste an inquiry (or type one taken by phone); the server classifies it on the spot. */
export function NewInquiryModal(props: { onClose: (created?: Inquiry) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateInquiry();
  const [problem, setProblem] = useState<string | null>(null);
  const shape = CreateInquiryRequest.shape;

  async function submit(values: Values) {
    setProblem(null);
    const blank = (value?: string) => (value?.trim() ? value.trim() : undefined);
    try {
      const created = await create.mutateAsync({
        channel: values.channel,
        body: values.body,
        senderName: blank(values.senderName),
        senderEmail: blank(values.senderEmail),
        company: blank(values.company),
        country: blank(values.country),
        subject: blank(values.subject),
      });
      props.onClose(created);
    } catch (error) {
      setProblem(showServerErrors(t, form, FIELDS, error));
    }
  }

  return (
    <Modal
      open
      title={t('inquiries.new')}
      okText={t('inquiries.classify')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => props.onClose()}
      width={640}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: 'email' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="channel" label={t('inquiries.fields.channel')}>
          <Select
            options={INQUIRY_CHANNELS.map((value) => ({
              value,
              label: channelLabel(t, value),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('inquiries.fields.body')}
          rules={[zodRule(t, shape.body)]}
          extra={t('inquiries.pasteHint')}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} />
        </Form.Item>
        <Form.Item name="subject" label={t('inquiries.fields.subject')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="senderName"
          label={t('inquiries.fields.senderName')}
          style={{ display: 'inline-block', width: 'calc(50% - 6px)', marginInlineEnd: 12 }}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="senderEmail"
          label={t('inquiries.fields.senderEmail')}
          rules={[zodRule(t, shape.senderEmail)]}
          style={{ display: 'inline-block', width: 'calc(50% - 6px)' }}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="company"
          label={t('inquiries.fields.company')}
          style={{ display: 'inline-block', width: 'calc(50% - 6px)', marginInlineEnd: 12 }}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="country"
          label={t('inquiries.fields.country')}
          style={{ display: 'inline-block', width: 'calc(50% - 6px)' }}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
