import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { DuplicateMatch } from '../../api/types';
import { showServerErrors } from '../../lib/errors';
import { DuplicateNotice } from '../customers/DuplicateNotice';
import { useFunnels } from '../funnels/api';
import { type ConvertInquiryResponse, type InquiryDetail, useConvertInquiry } from './api';

const FIELDS = ['customerName', 'contactName', 'contactTitle', 'deal'] as const;

type Values = {
  customerName: string;
  contactName?: string;
  contactTitle?: string;
  openDeal: boolean;
  funnelId?: string;
  dealName?: string;
  amount?: number | null;
};

/**
 * 转为客户: customer + contact (+ deal) in one step. A possible duplicate comes back as 409
 * with the matches; the user then creates anyway or attaches the inquiry to a match.
 */
export function ConvertInquiryModal(props: {
  inquiry: InquiryDetail;
  onClose: (converted?: ConvertInquiryResponse) => void;
}) {
  const { t } = useTranslation();
  const { inquiry } = props;
  const [form] = Form.useForm<Values>();
  const convert = useConvertInquiry();
  const funnels = useFunnels('deals');
  const [matches, setMatches] = useState<DuplicateMatch[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const openDeal = Form.useWatch('openDeal', form);

  async function submit(options: { confirmDuplicate?: boolean; customerId?: string } = {}) {
    setProblem(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const funnelId = values.funnelId ?? funnels.data?.[0]?.id;
    try {
      const result = await convert.mutateAsync({
        id: inquiry.id,
        customerName: values.customerName.trim(),
        contactName: values.contactName?.trim() || undefined,
        contactTitle: values.contactTitle?.trim() || undefined,
        deal:
          values.openDeal && funnelId
            ? {
                funnelId,
                name: values.dealName?.trim() || undefined,
                amount: values.amount ?? undefined,
              }
            : undefined,
        ...options,
      });
      props.onClose(result);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'duplicate_customer') {
        setMatches((error.problem.matches as DuplicateMatch[] | undefined) ?? []);
        return;
      }
      setProblem(showServerErrors(t, form, FIELDS, error));
    }
  }

  const refused = matches !== null;
  return (
    <Modal
      open
      title={t('inquiries.convert.title')}
      onCancel={() => props.onClose()}
      width={600}
      destroyOnHidden
      footer={
        refused ? (
          <Space wrap>
            <Button onClick={() => props.onClose()}>{t('common.cancel')}</Button>
            {(matches ?? []).slice(0, 3).map((match) => (
              <Button
                key={match.id}
                loading={convert.isPending}
                onClick={() => void submit({ customerId: match.id })}
              >
                {t('inquiries.convert.attachTo', { name: match.name })}
              </Button>
            ))}
            <Button
              type="primary"
              danger
              loading={convert.isPending}
              onClick={() => void submit({ confirmDuplicate: true })}
            >
              {t('inquiries.convert.createAnyway')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={() => props.onClose()}>{t('common.cancel')}</Button>
            <Button type="primary" loading={convert.isPending} onClick={() => void submit()}>
              {t('inquiries.convert.submit')}
            </Button>
          </Space>
        )
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {refused && <DuplicateNotice matches={matches ?? []} confirming />}
      {!refused && inquiry.possibleDuplicates.length > 0 && (
        <DuplicateNotice matches={inquiry.possibleDuplicates} confirming={false} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          customerName: inquiry.company ?? inquiry.senderName ?? '',
          contactName: inquiry.senderName ?? undefined,
          openDeal: true,
          dealName: inquiry.subject ?? undefined,
        }}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="customerName"
          label={t('inquiries.convert.customerName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="contactName"
            label={t('inquiries.convert.contactName')}
            style={{ flex: 1 }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="contactTitle"
            label={t('inquiries.convert.contactTitle')}
            style={{ flex: 1 }}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="openDeal" valuePropName="checked">
          <Checkbox disabled={funnels.data?.length === 0}>
            {t('inquiries.convert.openDeal')}
          </Checkbox>
        </Form.Item>
        {openDeal && (
          <>
            <Form.Item name="funnelId" label={t('inquiries.convert.funnel')}>
              <Select
                loading={funnels.isPending}
                placeholder={funnels.data?.[0]?.name}
                options={(funnels.data ?? []).map((funnel) => ({
                  value: funnel.id,
                  label: funnel.name,
                }))}
              />
            </Form.Item>
            <Form.Item name="dealName" label={t('inquiries.convert.dealName')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="amount" label={t('inquiries.convert.amount')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} prefix="¥" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
