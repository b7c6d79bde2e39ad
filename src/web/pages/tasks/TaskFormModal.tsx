import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, query } from '../../api/client';
import type { Customer, Page, Task } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { showServerErrors } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { useUsers } from '../settings/api';
import { useCreateTask, useUpdateTask } from './api';

interface Values {
  title: string;
  dueAt: Dayjs;
  customerId?: string | null;
  assigneeId?: string;
  notes?: string;
}

const FIELDS = ['title', 'dueAt', 'customerId', 'assigneeId', 'notes'] as const;

function valuesOf(task: Task): Values {
  return {
    title: task.title,
    dueAt: dayjs(task.dueAt),
    customerId: task.customerId,
    assigneeId: task.assigneeId,
    notes: task.notes ?? '',
  };
}

/** Customers matching what the user types, for linking a task to one. */
function useCustomerOptions(search: string, current?: { id: string; name: string } | null) {
  const q = useDebounced(search.trim(), 300);
  const found = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: () => api.get<Page<Customer>>(`/customers${query({ q, limit: 20, sort: 'name' })}`),
  });
  const options = (found.data?.items ?? []).map((customer) => ({
    value: customer.id,
    label: customer.name,
  }));
  if (current && !options.some((option) => option.value === current.id)) {
    options.unshift({ value: current.id, label: current.name });
  }
  return { options, loading: found.isFetching };
}

/** Make a task (for oneself, or — managers and admins — for someone else), or change one. */
export function TaskFormModal(props: { task?: Task; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const create = useCreateTask();
  const update = useUpdateTask();
  const users = useUsers();
  const [base, setBase] = useState(props.task);
  const [search, setSearch] = useState('');
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const current =
    props.task?.customerId && props.task.customerName
      ? { id: props.task.customerId, name: props.task.customerName }
      : null;
  const customers = useCustomerOptions(search, current);
  const assigns = me.role !== 'rep';

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      if (base) {
        await update.mutateAsync({
          id: base.id,
          version: base.version,
          title: values.title.trim(),
          dueAt: values.dueAt.toISOString(),
          notes: values.notes?.trim() || null,
          ...(assigns && values.assigneeId ? { assigneeId: values.assigneeId } : {}),
        });
        message.success(t('tasks.saved'));
      } else {
        await create.mutateAsync({
          title: values.title.trim(),
          dueAt: values.dueAt.toISOString(),
          notes: values.notes?.trim() || null,
          customerId: values.customerId ?? null,
          ...(assigns && values.assigneeId ? { assigneeId: values.assigneeId } : {}),
        });
        message.success(t('tasks.created'));
      }
      props.onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        const fresh = error.problem.current as Task | undefined;
        if (fresh) {
          setBase(fresh);
          form.setFieldsValue(valuesOf(fresh));
        }
        setProblem({ type: 'warning', text: t('errors.versionConflict') });
        return;
      }
      const said = showServerErrors(t, form, FIELDS, error);
      if (said) setProblem({ type: 'error', text: said });
    }
  }

  return (
    <Modal
      open
      title={props.task ? t('tasks.edit') : t('tasks.create')}
      okText={props.task ? t('common.save') : t('common.create')}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending || update.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="task"
          layout="vertical"
          initialValues={
            props.task
              ? valuesOf(props.task)
              : { dueAt: dayjs().add(1, 'day').hour(9).minute(0).second(0), assigneeId: me.id }
          }
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
        name="title"
        label={t('tasks.fields.title')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 200, message: t('validation.maxLength', { max: 200 }) },
        ]}
      >
        <Input autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item
        name="dueAt"
        label={t('tasks.fields.dueAt')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="customerId" label={t('tasks.fields.customer')}>
        <Select
          allowClear
          disabled={Boolean(props.task)}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={t('tasks.pickCustomer')}
          loading={customers.loading}
          options={customers.options}
          notFoundContent={t('customers.noMatch')}
        />
      </Form.Item>
      {assigns && (
        <Form.Item
          name="assigneeId"
          label={t('tasks.fields.assignee')}
          extra={t('tasks.assigneeHint')}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={users.isPending}
            options={(users.data ?? [])
              .filter((user) => user.active)
              .map((user) => ({ value: user.id, label: user.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="notes" label={t('tasks.fields.notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
    </Modal>
  );
}
