import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { CustomFieldDef } from '../../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/PageStates';
import { type Column, ResponsiveTable } from '../../../components/ResponsiveTable';
import { showServerErrors } from '../../../lib/errors';
import { useCreateCustomField, useCustomFieldDefs, useUpdateCustomField } from './api';

type FieldType = CustomFieldDef['type'];
const TYPES: FieldType[] = ['text', 'number', 'boolean', 'date', 'select'];

function typeLabel(t: TFunction, type: FieldType): string {
  switch (type) {
    case 'text':
      return t('customFields.types.text');
    case 'number':
      return t('customFields.types.number');
    case 'boolean':
      return t('customFields.types.boolean');
    case 'date':
      return t('customFields.types.date');
    case 'select':
      return t('customFields.types.select');
  }
}

interface Values {
  key: string;
  label: string;
  type: FieldType;
  options?: string[];
  active?: boolean;
}

function FieldModal(props: { field?: CustomFieldDef; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const [base, setBase] = useState(props.field);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const type = Form.useWatch('type', form) ?? props.field?.type;

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      if (base) {
        await update.mutateAsync({
          id: base.id,
          version: base.version,
          label: values.label.trim(),
          active: values.active,
          ...(base.type === 'select' ? { options: values.options ?? [] } : {}),
        });
      } else {
        await create.mutateAsync({
          key: values.key,
          label: values.label.trim(),
          type: values.type,
          ...(values.type === 'select' ? { options: values.options ?? [] } : {}),
        });
      }
      message.success(t('customFields.saved', { label: values.label.trim() }));
      props.onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        const current = error.problem.current as CustomFieldDef | undefined;
        if (current) {
          setBase(current);
          form.setFieldsValue(current);
        }
        setProblem({ type: 'warning', text: t('errors.versionConflict') });
        return;
      }
      const said = showServerErrors(t, form, ['key', 'label', 'type', 'options', 'active'], error);
      if (said) setProblem({ type: 'error', text: said });
    }
  }

  return (
    <Modal
      open
      title={props.field ? t('customFields.edit') : t('customFields.create')}
      okText={props.field ? t('common.save') : t('common.create')}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending || update.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="custom-field"
          layout="vertical"
          initialValues={props.field ?? { type: 'text', options: [] }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {problem && (
        <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="label"
        label={t('customFields.label')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input autoFocus maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="key"
        label={t('customFields.key')}
        extra={props.field ? t('customFields.keyFixed') : t('customFields.keyHint')}
        rules={[
          { required: true, message: t('validation.required') },
          { pattern: /^[a-z][a-zA-Z0-9_]{0,63}$/, message: t('customFields.keyInvalid') },
        ]}
      >
        <Input disabled={Boolean(props.field)} autoComplete="off" placeholder="contractEnd" />
      </Form.Item>
      <Form.Item name="type" label={t('customFields.type')}>
        <Select
          disabled={Boolean(props.field)}
          options={TYPES.map((value) => ({ value, label: typeLabel(t, value) }))}
        />
      </Form.Item>
      {type === 'select' && (
        <Form.Item
          name="options"
          label={t('customFields.options')}
          extra={t('customFields.optionsHint')}
          rules={[{ required: true, message: t('customFields.optionsRequired') }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
        </Form.Item>
      )}
      {props.field && (
        <Form.Item name="active" label={t('customFields.activeLabel')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </Modal>
  );
}

/** 设置 → 自定义字段: fields of the org's own on every customer (admins). */
export default function CustomFieldsPage() {
  const { t } = useTranslation();
  const fields = useCustomFieldDefs(true);
  const [editing, setEditing] = useState<{ field?: CustomFieldDef } | null>(null);

  const columns: Column<CustomFieldDef>[] = [
    { key: 'label', title: t('customFields.label'), dataIndex: 'label' },
    {
      key: 'key',
      title: t('customFields.key'),
      dataIndex: 'key',
      render: (_, field) => <Typography.Text code>{field.key}</Typography.Text>,
    },
    {
      key: 'type',
      title: t('customFields.type'),
      dataIndex: 'type',
      render: (_, field) => typeLabel(t, field.type),
    },
    {
      key: 'options',
      title: t('customFields.options'),
      dataIndex: 'options',
      render: (_, field) => (field.options.length ? field.options.join(' / ') : '—'),
    },
    {
      key: 'active',
      title: t('customFields.activeLabel'),
      dataIndex: 'active',
      render: (_, field) =>
        field.active ? (
          <Tag color="green">{t('customFields.active')}</Tag>
        ) : (
          <Tag>{t('customFields.inactive')}</Tag>
        ),
    },
  ];
  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
      {t('customFields.create')}
    </Button>
  );

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.customFields')}
        </Typography.Title>
        {fields.data && fields.data.length > 0 && createButton}
      </Flex>
      <Typography.Paragraph type="secondary">{t('customFields.intro')}</Typography.Paragraph>
      {fields.isPending ? (
        <ListSkeleton />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <ResponsiveTable<CustomFieldDef>
          rowKey="id"
          columns={columns}
          dataSource={fields.data}
          emptyText={<EmptyState description={t('customFields.empty')} action={createButton} />}
          actionsTitle={t('common.actions')}
          actions={(field) => (
            <Button
              type="link"
              size="small"
              aria-label={t('customFields.editNamed', { label: field.label })}
              onClick={() => setEditing({ field })}
            >
              {t('common.edit')}
            </Button>
          )}
        />
      )}
      {editing && <FieldModal field={editing.field} onClose={() => setEditing(null)} />}
    </>
  );
}
