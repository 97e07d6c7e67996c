import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useT } from '../../../shared/i18n/index.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { useSession } from '../session.tsx';
import type { Me } from '../api.ts';

interface LoginValues {
  username: string;
  password: string;
}

/**
 * Username + password sign-in, the same for all portals (the test ids are
 * shared too: `login-username`, `login-password`, `login-submit`, `login-error`).
 */
export function LoginForm({ onSuccess }: { onSuccess(me: Me): void }) {
  const t = useT();
  const { login } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: LoginValues) {
    setBusy(true);
    setError(null);
    try {
      onSuccess(await login(values.username.trim(), values.password));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={submit} data-testid="login-form">
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
        <Input data-testid="login-username" prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" size="large" />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password data-testid="login-password" prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      {error ? (
        <Form.Item>
          <ErrorAlert error={error} testId="login-error" />
        </Form.Item>
      ) : null}
      <Button data-testid="login-submit" type="primary" htmlType="submit" block size="large" loading={busy}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
