import FunnelPlotOutlined from '@ant-design/icons/es/icons/FunnelPlotOutlined';
import LockOutlined from '@ant-design/icons/es/icons/LockOutlined';
import MailOutlined from '@ant-design/icons/es/icons/MailOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { login, meKey, saveMyLocale } from '../../api/session';
import type { User } from '../../api/types';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { changeLocale, currentLocale, type Locale, rememberLocale } from '../../i18n';
import { describeError } from '../../lib/errors';

interface Values {
  email: string;
  password: string;
}

/** Only paths inside this app, so a crafted ?next= cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return next.startsWith('/login') ? '/' : next;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A language picked here is a choice the account should keep.
  const [pickedLocale, setPickedLocale] = useState<Locale | null>(null);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);
  // Worded at render, so a shown error follows a language switch.
  const problem = failure ? describeError(t, failure) : null;

  async function onFinish(values: Values) {
    setSubmitting(true);
    setFailure(null);
    try {
      let { user } = await login(values.email, values.password);
      if (pickedLocale && pickedLocale !== user.locale) {
        user = await saveMyLocale(pickedLocale).catch(() => user);
      } else if (user.locale && user.locale !== currentLocale()) {
        await changeLocale(user.locale);
        rememberLocale(user.locale);
      }
      queryClient.setQueryData<User>(meKey, user);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}
    >
      <div style={{ width: '100%', maxWidth: 380 }}>
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <LanguageSwitch onSwitch={setPickedLocale} />
        </Flex>
        <Card>
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <FunnelPlotOutlined style={{ fontSize: 36, color: token.colorPrimary }} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </Flex>
          {problem && (
            <Alert
              type="error"
              showIcon
              title={problem}
              role="alert"
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<Values> name="login" layout="vertical" requiredMark={false} onFinish={onFinish}>
            <Form.Item
              name="email"
              label={t('login.email')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input
                prefix={<MailOutlined />}
                inputMode="email"
                autoComplete="username"
                autoFocus
                size="large"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </Flex>
  );
}
