import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../domain/vocabulary';
import { CreateUserRequest, UpdateUserRequest } from '../../../server/modules/users/users.schema';
import { ApiError } from '../../api/client';
import type { Role, Team, User } from '../../api/types';
import { showServerErrors } from '../../lib/errors';
import { useRoleLabel } from '../../lib/labels';
import { zodRule } from '../../lib/zodRule';
import { useCreateUser, useUpdateUser } from './api';

interface Values {
  email: string;
  name: string;
  password?: string;
  role: Role;
  teamId?: string | null;
  active?: boolean;
}

const FIELDS = ['email', 'name', 'password', 'role', 'teamId', 'active'] as const;

function valuesOf(user: User): Values {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    teamId: user.teamId,
    active: user.active,
  };
}

/** The fields that differ from the stored user: the server refuses even an unchanged role on oneself. */
function changes(user: User, values: Values): Partial<Values> {
  const changed: Partial<Values> = {};
  if (values.email.trim().toLowerCase() !== user.email) changed.email = values.email;
  if (values.name.trim() !== user.name) changed.name = values.name;
  if (values.role !== user.role) changed.role = values.role;
  if ((values.teamId ?? null) !== user.teamId) changed.teamId = values.teamId ?? null;
  if (values.active !== user.active) changed.active = values.active;
  return changed;
}

export function UserFormModal(props: {
  mode: 'create' | 'edit';
  user?: User;
  teams: Team[];
  isSelf: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  // The version we edit against; replaced by the server's when someone else saved first.
  const [base, setBase] = useState(props.user);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const shape = props.mode === 'create' ? CreateUserRequest.shape : UpdateUserRequest.shape;

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      if (props.mode === 'create') {
        await create.mutateAsync({
          email: values.email,
          name: values.name,
          password: values.password ?? '',
          role: values.role,
          teamId: values.teamId ?? null,
        });
        message.success(t('users.created', { name: values.name }));
      } else if (base) {
        const changed = changes(base, values);
        if (Object.keys(changed).length > 0) {
          await update.mutateAsync({ id: base.id, version: base.version, ...changed });
          message.success(t('users.saved', { name: values.name }));
        }
      }
      props.onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        const current = error.problem.current as User | undefined;
        if (current) {
          setBase(current);
          form.setFieldsValue(valuesOf(current));
        }
        setProblem({ type: 'warning', text: t('errors.versionConflict') });
        return;
      }
      const text = showServerErrors(t, form, FIELDS, error);
      if (text) setProblem({ type: 'error', text });
    }
  }

  const teamOptions = props.teams.map((team) => ({ value: team.id, label: team.name }));
  return (
    <Modal
      open
      title={props.mode === 'create' ? t('users.create') : t('users.edit')}
      okText={props.mode === 'create' ? t('common.create') : t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending || update.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="user"
          layout="vertical"
          initialValues={props.user ? valuesOf(props.user) : { role: 'rep' }}
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
        name="email"
        label={t('users.email')}
        rules={[zodRule(t, CreateUserRequest.shape.email)]}
      >
        <Input inputMode="email" autoComplete="off" autoFocus={props.mode === 'create'} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('users.name')}
        rules={[zodRule(t, CreateUserRequest.shape.name)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      {props.mode === 'create' && (
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          rules={[zodRule(t, CreateUserRequest.shape.password)]}
          extra={t('account.passwordHint')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item
        name="role"
        label={t('users.role')}
        rules={[zodRule(t, shape.role)]}
        extra={props.isSelf ? t('users.cannotChangeOwnRole') : undefined}
      >
        <Select
          disabled={props.isSelf}
          options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
        />
      </Form.Item>
      <Form.Item name="teamId" label={t('users.team')}>
        <Select
          allowClear
          placeholder={t('users.noTeam')}
          options={teamOptions}
          notFoundContent={t('teams.emptyShort')}
        />
      </Form.Item>
      {props.mode === 'edit' && (
        <Form.Item name="active" label={t('users.active')} valuePropName="checked">
          <Switch disabled={props.isSelf} />
        </Form.Item>
      )}
    </Modal>
  );
}
