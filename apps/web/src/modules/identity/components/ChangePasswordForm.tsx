import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { applyFieldErrors, errorText } from '../../../shared/api/errors.ts';
import { changePassword } from '../api.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes the signed-in account's password (the server ends its other sessions). */
export function ChangePasswordForm() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);

  async function submit(values: PasswordValues) {
    setBusy(true);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      message.success(t('account.passwordChanged'));
    } catch (err) {
      if (!applyFieldErrors(form, err, t, { invalid: { currentPassword: null, newPassword: 'register.err.password' } })) {
        message.error(errorText(t, err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} data-testid="change-password-form">
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('form.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        rules={[
          { required: true, message: t('form.required') },
          { min: 10, message: t('register.err.password') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
