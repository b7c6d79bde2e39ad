import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Password } from '../../server/modules/users/users.schema';
import { changePassword } from '../api/session';
import type { User } from '../api/types';
import { showServerErrors } from '../lib/errors';
import { zodRule } from '../lib/zodRule';

interface Values {
  currentPassword?: string;
  password: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'password'] as const;

/** Own password (asks for the current one), or an admin setting someone else's. */
export default function ChangePasswordDialog(props: {
  user: User;
  self: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function onFinish(values: Values) {
    setSaving(true);
    setProblem(null);
    try {
      await changePassword(props.user.id, {
        password: values.password,
        ...(props.self ? { currentPassword: values.currentPassword } : {}),
      });
      message.success(t('account.passwordChanged'));
      props.onClose();
    } catch (error) {
      setProblem(showServerErrors(t, form, FIELDS, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={
        props.self
          ? t('account.changePassword')
          : t('account.setPasswordFor', { name: props.user.name })
      }
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: saving }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} name="password" layout="vertical" onFinish={onFinish}>
          {dom}
        </Form>
      )}
    >
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 16 }} />}
      {props.self && (
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
      )}
      <Form.Item
        name="password"
        label={t('account.newPassword')}
        rules={[zodRule(t, Password)]}
        extra={t('account.passwordHint')}
      >
        <Input.Password autoComplete="new-password" autoFocus={!props.self} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value) => {
              if (value && value !== getFieldValue('password')) {
                throw new Error(t('account.passwordsDiffer'));
              }
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Modal>
  );
}
