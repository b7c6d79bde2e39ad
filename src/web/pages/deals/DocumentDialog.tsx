import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../domain/funnels/types';
import { showServerErrors } from '../../lib/errors';
import { documentKindLabel } from '../funnels/labels';
import { useAddDocument } from './api';

interface Values {
  kind: DocumentKind;
  name: string;
  url?: string;
  note?: string;
}

const FIELDS = ['kind', 'name', 'url', 'note'] as const;

/** 添加文档: a needs report, proposal, quote… attached to the deal (document key actions count them). */
export function DocumentDialog(props: { dealId: string; kind?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddDocument();
  const [problem, setProblem] = useState<string | null>(null);

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      await add.mutateAsync({
        dealId: props.dealId,
        kind: values.kind,
        name: values.name.trim(),
        url: values.url?.trim() || null,
        note: values.note?.trim() || null,
      });
      message.success(t('deals.documents.added', { name: values.name.trim() }));
      props.onClose();
    } catch (error) {
      setProblem(showServerErrors(t, form, FIELDS, error));
    }
  }

  return (
    <Modal
      open
      title={t('deals.addDocument')}
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: add.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="deal-document"
          layout="vertical"
          initialValues={{ kind: (props.kind as DocumentKind | undefined) ?? 'proposal' }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="kind" label={t('funnels.documentKindTitle')} rules={[{ required: true }]}>
        <Select
          options={DOCUMENT_KINDS.map((kind) => ({
            value: kind,
            label: documentKindLabel(t, kind),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('deals.documents.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 300, message: t('validation.maxLength', { max: 300 }) },
        ]}
      >
        <Input autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('deals.documents.url')}
        rules={[
          { type: 'url', message: t('deals.documents.badUrl') },
          { pattern: /^https?:\/\//i, message: t('deals.documents.badUrl') },
        ]}
      >
        <Input inputMode="url" placeholder="https://" />
      </Form.Item>
      <Form.Item name="note" label={t('deals.documents.note')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </Modal>
  );
}
