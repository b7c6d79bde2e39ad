import { Alert, App, Col, DatePicker, Form, Input, Modal, Rate, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_ROLES, type ContactRole } from '../../../domain/vocabulary';
import { ApiError } from '../../api/client';
import type { Contact } from '../../api/types';
import { useArchiveLabels } from '../../lib/archiveLabels';
import { showServerErrors } from '../../lib/errors';
import { useCreateContact, useUpdateContact } from './api';

interface Values {
  name: string;
  title?: string;
  phone?: string;
  mobile?: string;
  email?: string;
  wechat?: string;
  whatsapp?: string;
  role?: ContactRole | null;
  decisionWeight?: number | null;
  personalStyle?: string;
  birthday?: string | null;
  interests?: string;
  notes?: string;
  isPrimary?: boolean;
}

const TEXTS = [
  'name',
  'title',
  'phone',
  'mobile',
  'email',
  'wechat',
  'whatsapp',
  'personalStyle',
  'interests',
  'notes',
] as const;
const FIELDS = [...TEXTS, 'role', 'decisionWeight', 'birthday', 'isPrimary'] as const;

function valuesOf(contact: Contact): Values {
  return {
    ...Object.fromEntries(TEXTS.map((field) => [field, contact[field] ?? ''])),
    name: contact.name,
    role: contact.role,
    decisionWeight: contact.decisionWeight,
    birthday: contact.birthday,
    isPrimary: contact.isPrimary,
  };
}

function bodyOf(values: Values) {
  return {
    ...Object.fromEntries(TEXTS.map((field) => [field, values[field]?.trim() || null])),
    name: values.name.trim(),
    role: values.role ?? null,
    // Rate gives 0 when cleared.
    decisionWeight: values.decisionWeight || null,
    birthday: values.birthday ?? null,
    isPrimary: values.isPrimary ?? false,
  };
}

/** Add or edit a contact with their place in the decision chain (决策链). */
export function ContactFormModal(props: {
  customerId: string;
  contact?: Contact;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useArchiveLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateContact();
  const update = useUpdateContact();
  const [base, setBase] = useState(props.contact);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const max = (n: number) => ({ max: n, message: t('validation.maxLength', { max: n }) });

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      if (base) {
        const body = bodyOf(values);
        const changed = Object.fromEntries(
          Object.entries(body).filter(
            ([field, value]) => (base[field as keyof Contact] ?? null) !== value,
          ),
        );
        if (Object.keys(changed).length > 0) {
          await update.mutateAsync({ id: base.id, version: base.version, ...changed });
        }
        message.success(t('contacts.saved', { name: body.name }));
      } else {
        const created = await create.mutateAsync({
          customerId: props.customerId,
          ...bodyOf(values),
        });
        message.success(t('contacts.created', { name: created.name }));
      }
      props.onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        const current = error.problem.current as Contact | undefined;
        if (current) {
          setBase(current);
          form.setFieldsValue(valuesOf(current));
        }
        setProblem({ type: 'warning', text: t('errors.versionConflict') });
        return;
      }
      const said = showServerErrors(t, form, FIELDS, error);
      if (said) setProblem({ type: 'error', text: said });
    }
  }

  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open
      width={680}
      title={props.contact ? t('contacts.edit') : t('contacts.create')}
      okText={props.contact ? t('common.save') : t('common.create')}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending || update.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="contact"
          layout="vertical"
          initialValues={props.contact ? valuesOf(props.contact) : { isPrimary: false }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {problem && (
        <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name="name"
            label={t('contacts.fields.name')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              max(100),
            ]}
          >
            <Input autoComplete="off" autoFocus />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="title" label={t('contacts.fields.title')} rules={[max(100)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="role" label={t('contacts.fields.role')}>
            <Select
              allowClear
              placeholder={t('contacts.roleUnknown')}
              options={CONTACT_ROLES.map((role) => ({
                value: role,
                label: labels.contactRole(role),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="decisionWeight"
            label={t('contacts.fields.decisionWeight')}
            extra={t('contacts.weightHint')}
          >
            <Rate count={5} aria-label={t('contacts.fields.decisionWeight')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="mobile" label={t('contacts.fields.mobile')} rules={[max(50)]}>
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="phone" label={t('contacts.fields.phone')} rules={[max(50)]}>
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="email"
            label={t('contacts.fields.email')}
            rules={[{ type: 'email', message: t('validation.email') }, max(200)]}
          >
            <Input inputMode="email" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="birthday"
            label={t('contacts.fields.birthday')}
            getValueProps={(value: string | null | undefined) => ({
              value: value ? dayjs(value) : undefined,
            })}
            normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs())} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="wechat" label={t('contacts.fields.wechat')} rules={[max(100)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="whatsapp" label={t('contacts.fields.whatsapp')} rules={[max(50)]}>
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="personalStyle"
            label={t('contacts.fields.personalStyle')}
            rules={[max(500)]}
          >
            <Input placeholder={t('contacts.styleHint')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="interests" label={t('contacts.fields.interests')} rules={[max(1000)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('contacts.fields.notes')} rules={[max(5000)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="isPrimary"
            label={t('contacts.fields.isPrimary')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </Modal>
  );
}
