import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateTeamRequest } from '../../../server/modules/teams/teams.schema';
import { ApiError } from '../../api/client';
import type { Team, User } from '../../api/types';
import { showServerErrors } from '../../lib/errors';
import { useRoleLabel } from '../../lib/labels';
import { zodRule } from '../../lib/zodRule';
import { teamsKey, useCreateTeam, useUpdateTeam } from './api';

interface Values {
  name: string;
  managerId?: string | null;
}

const FIELDS = ['name', 'managerId'] as const;

export function TeamFormModal(props: {
  mode: 'create' | 'edit';
  team?: Team;
  managers: User[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const [base, setBase] = useState(props.team);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);

  async function onFinish(values: Values) {
    setProblem(null);
    const managerId = values.managerId ?? null;
    try {
      if (props.mode === 'create') {
        await create.mutateAsync({ name: values.name, managerId });
        message.success(t('teams.created', { name: values.name }));
      } else if (base) {
        await update.mutateAsync({
          id: base.id,
          version: base.version,
          name: values.name,
          managerId,
        });
        message.success(t('teams.saved', { name: values.name }));
      }
      props.onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict' && base) {
        // Reload the list and edit against what is stored now.
        await queryClient.invalidateQueries({ queryKey: teamsKey });
        const fresh = queryClient
          .getQueryData<Team[]>(teamsKey)
          ?.find((team) => team.id === base.id);
        if (fresh) {
          setBase(fresh);
          form.setFieldsValue({ name: fresh.name, managerId: fresh.managerId });
        }
        setProblem({ type: 'warning', text: t('errors.versionConflict') });
        return;
      }
      const text = showServerErrors(t, form, FIELDS, error);
      if (text) setProblem({ type: 'error', text });
    }
  }

  return (
    <Modal
      open
      title={props.mode === 'create' ? t('teams.create') : t('teams.edit')}
      okText={props.mode === 'create' ? t('common.create') : t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending || update.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="team"
          layout="vertical"
          initialValues={
            props.team ? { name: props.team.name, managerId: props.team.managerId } : {}
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
        name="name"
        label={t('teams.name')}
        rules={[zodRule(t, CreateTeamRequest.shape.name)]}
      >
        <Input autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item name="managerId" label={t('teams.manager')} extra={t('teams.managerHint')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('teams.noManager')}
          notFoundContent={t('teams.noManagers')}
          options={props.managers.map((user) => ({
            value: user.id,
            label: `${user.name} · ${roleLabel(user.role)}`,
          }))}
        />
      </Form.Item>
    </Modal>
  );
}
