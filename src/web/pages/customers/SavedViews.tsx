import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import SaveOutlined from '@ant-design/icons/es/icons/SaveOutlined';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../../lib/errors';
import { type ListParams, useCreateSavedView, useDeleteSavedView, useSavedViews } from './api';
import { sameFilters } from './listParams';

/** The user's own saved views of the list: pick one to apply, save the current filters, delete. */
export function SavedViews(props: { filters: ListParams; onApply: (filters: ListParams) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const views = useSavedViews();
  const remove = useDeleteSavedView();
  const [saving, setSaving] = useState(false);
  const current = (views.data ?? []).find((view) => sameFilters(view.filters, props.filters));
  const hasFilters = Object.keys(props.filters).length > 0;

  return (
    <Space.Compact>
      <Select
        aria-label={t('customers.views.label')}
        placeholder={t('customers.views.placeholder')}
        loading={views.isPending}
        value={current?.id ?? null}
        options={(views.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
        notFoundContent={t('customers.views.none')}
        onChange={(id: string) => {
          const view = views.data?.find((candidate) => candidate.id === id);
          if (view) props.onApply(view.filters);
        }}
        style={{ minWidth: 150 }}
        popupMatchSelectWidth={false}
      />
      {current ? (
        <Popconfirm
          title={t('customers.views.deleteConfirm', { name: current.name })}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          onConfirm={async () => {
            await remove.mutateAsync(current.id);
            message.success(t('customers.views.deleted', { name: current.name }));
          }}
        >
          <Button icon={<DeleteOutlined />} aria-label={t('customers.views.delete')} />
        </Popconfirm>
      ) : (
        <Button
          icon={<SaveOutlined />}
          disabled={!hasFilters}
          onClick={() => setSaving(true)}
          aria-label={t('customers.views.save')}
          title={hasFilters ? t('customers.views.save') : t('customers.views.saveHint')}
        />
      )}
      {saving && <SaveViewModal filters={props.filters} onClose={() => setSaving(false)} />}
    </Space.Compact>
  );
}

function SaveViewModal(props: { filters: ListParams; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateSavedView();
  const [problem, setProblem] = useState<string | null>(null);

  async function onFinish(values: { name: string }) {
    setProblem(null);
    try {
      await create.mutateAsync({ name: values.name, filters: props.filters });
      message.success(t('customers.views.saved', { name: values.name }));
      props.onClose();
    } catch (error) {
      setProblem(showServerErrors(t, form, ['name'], error));
    }
  }

  return (
    <Modal
      open
      title={t('customers.views.save')}
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} layout="vertical" name="saved-view" onFinish={onFinish}>
          {dom}
        </Form>
      )}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="name"
        label={t('customers.views.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input autoFocus maxLength={100} autoComplete="off" />
      </Form.Item>
    </Modal>
  );
}
