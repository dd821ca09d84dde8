'use client';

import { useActionState } from 'react';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslations } from 'next-intl';

import { login, type LoginState } from '@/app/login/actions';

import { LoginLayout } from './login-layout';

const knownErrors = ['INVALID_CREDENTIALS', 'LOGIN_THROTTLED', 'ACCOUNT_DISABLED', 'REQUIRED'] as const;
type KnownError = (typeof knownErrors)[number];
const isKnown = (code: string): code is KnownError => (knownErrors as readonly string[]).includes(code);

/** Email and password, posted to the `login` server action (works before hydration too). */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations('login');
  const [state, action, pending] = useActionState<LoginState, FormData>(login, { error: null, email: '' });
  const error = state.error ? (isKnown(state.error) ? t(`errors.${state.error}`) : t('errors.UNAVAILABLE')) : null;
  return (
    <LoginLayout>
      <form action={action} data-testid="login-form">
        <input type="hidden" name="next" value={next} />
        <Form layout="vertical" component="div">
          <Form.Item label={t('email')} htmlFor="login-email" required>
            <Input
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              prefix={<MailOutlined />}
              defaultValue={state.email}
              key={state.email}
              required
              data-testid="login-email"
            />
          </Form.Item>
          <Form.Item label={t('password')} htmlFor="login-password" required>
            <Input.Password id="login-password" name="password" autoComplete="current-password" prefix={<LockOutlined />} required data-testid="login-password" />
          </Form.Item>
          {error && (
            <Alert type="error" showIcon role="alert" title={error} data-testid="login-error" data-code={state.error} style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" block loading={pending} data-testid="login-submit">
            {t('submit')}
          </Button>
        </Form>
      </form>
    </LoginLayout>
  );
}
