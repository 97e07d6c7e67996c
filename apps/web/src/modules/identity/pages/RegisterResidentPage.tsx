import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { useT } from '../../../shared/i18n/index.ts';
import { applyFieldErrors, type FieldMessages } from '../../../shared/api/errors.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { registerResident, type RegisterResidentInput } from '../api.ts';
import { useSession } from '../session.tsx';

interface RegisterValues {
  username: string;
  password: string;
  name: string;
  idNumber: string;
  phone?: string;
}

// Server-side field problems, by body field, and the message each gets.
// `name` has no rule of its own beyond presence, so it gets the generic text.
const FIELD_MESSAGES: FieldMessages = {
  invalid: {
    username: 'register.err.username',
    password: 'register.err.password',
    name: null,
    idNumber: 'register.err.idNumber',
    phone: 'register.err.phone',
  } satisfies Record<keyof RegisterValues, MessageKey | null>,
  taken: { username: 'register.err.usernameTaken', idNumber: 'register.err.idNumberTaken' },
};

/**
 * 注册: a resident (自然人) creates an account, then is signed in and taken to
 * "my account". Only the shape of the identity number is checked here; the
 * GB 11643 check digit is the server's rule, and its verdict lands on the field.
 */
export function RegisterResidentPage({ accountPath, loginPath }: { accountPath: string; loginPath: string }) {
  const t = useT();
  const [form] = Form.useForm<RegisterValues>();
  const { login } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: RegisterValues) {
    setBusy(true);
    setError(null);
    const input: RegisterResidentInput = {
      username: values.username.trim(),
      password: values.password,
      name: values.name.trim(),
      idNumber: values.idNumber.trim().toUpperCase(),
      ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
    };
    try {
      await registerResident(input);
      await login(input.username, input.password);
      navigate(accountPath, { replace: true });
    } catch (err) {
      if (!applyFieldErrors(form, err, t, FIELD_MESSAGES)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card data-testid="register-card">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
      <Form<RegisterValues> form={form} layout="vertical" onFinish={submit} data-testid="register-form" scrollToFirstError>
        <Form.Item
          name="username"
          label={t('register.username')}
          rules={[
            { required: true, message: t('form.required') },
            { pattern: /^[A-Za-z0-9_.@-]{3,64}$/, message: t('register.err.username') },
          ]}
        >
          <Input data-testid="register-username" autoComplete="username" autoCapitalize="none" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('register.password')}
          extra={t('register.passwordHint')}
          rules={[
            { required: true, message: t('form.required') },
            { min: 10, message: t('register.err.password') },
          ]}
        >
          <Input.Password data-testid="register-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="name" label={t('register.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input data-testid="register-name" autoComplete="name" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('register.idNumber')}
          rules={[
            { required: true, message: t('form.required') },
            { pattern: /^\s*[0-9]{17}[0-9Xx]\s*$/, message: t('register.err.idNumber') },
          ]}
        >
          <Input data-testid="register-idNumber" maxLength={18} inputMode="text" autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('register.phone')} rules={[{ pattern: /^\s*1[3-9][0-9]{9}\s*$/, message: t('register.err.phone') }]}>
          <Input data-testid="register-phone" inputMode="tel" autoComplete="tel" maxLength={11} />
        </Form.Item>
        {error ? (
          <Form.Item>
            <ErrorAlert error={error} testId="register-error" />
          </Form.Item>
        ) : null}
        <Button data-testid="register-submit" type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('register.haveAccount')} <Link to={loginPath}>{t('login.submit')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
