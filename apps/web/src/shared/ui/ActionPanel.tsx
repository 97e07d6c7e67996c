import { useState, type ReactNode } from 'react';
import { App, Button, Empty, Flex, Form, Modal } from 'antd';
import { useT, type MessageKey } from '../i18n/index.ts';
import { applyFieldErrors, errorText } from '../api/errors.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

type Values = Record<string, any>;

/** One action a record offers: a button, and (with `fields`) a dialog asking for what it needs. */
export interface PanelAction {
  key: string;
  label: MessageKey;
  danger?: boolean;
  /** Form fields named as the request body's fields; none: the button acts at once. */
  fields?: ReactNode;
  initial?: Values;
  /** Own texts for the server's field problems, by body field (`null`: a generic text). */
  errors?: Record<string, MessageKey | null>;
}

/**
 * Buttons for the actions someone may take on a record (`action-<key>`), the
 * dialog of the one chosen (`action-form-<key>`, submit `action-submit`),
 * and the outcome: success message, field errors on the fields, other errors
 * in the dialog. `run` answers `false` when the record changed meanwhile
 * (the caller has already said so and reloaded): the dialog then closes.
 */
export function ActionPanel({ actions, run, emptyText }: { actions: PanelAction[]; run(key: string, values: Values): Promise<boolean>; emptyText: MessageKey }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState<PanelAction | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();

  async function submit(action: PanelAction, values: Values) {
    setBusy(action.key);
    setError(null);
    try {
      if (await run(action.key, values)) void message.success(t('common.actionDone', { action: t(action.label) }));
      setOpen(null);
    } catch (err) {
      if (!action.fields) void message.error(errorText(t, err));
      else if (!applyFieldErrors(form, err, t, { invalid: action.errors ?? {} })) setError(err);
    } finally {
      setBusy(null);
    }
  }

  function start(action: PanelAction) {
    if (!action.fields) {
      void submit(action, {});
      return;
    }
    form.resetFields();
    form.setFieldsValue(action.initial ?? {});
    setError(null);
    setOpen(action);
  }

  return (
    <div data-testid="action-panel" data-actions={actions.map((a) => a.key).join(' ')}>
      {actions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(emptyText)} />
      ) : (
        <Flex wrap gap={8}>
          {actions.map((a, i) => (
            <Button key={a.key} type={i === 0 ? 'primary' : 'default'} danger={a.danger} loading={busy === a.key && !a.fields} onClick={() => start(a)} data-testid={`action-${a.key}`}>
              {t(a.label)}
            </Button>
          ))}
        </Flex>
      )}
      <Modal open={!!open} title={open ? t(open.label) : null} onCancel={() => setOpen(null)} footer={null} forceRender>
        <Form form={form} layout="vertical" onFinish={(values: Values) => open && void submit(open, values)} data-testid={open ? `action-form-${open.key}` : undefined}>
          {open?.fields}
          {error ? (
            <Form.Item>
              <ErrorAlert error={error} testId="action-error" />
            </Form.Item>
          ) : null}
          <Flex justify="end" gap={8}>
            <Button onClick={() => setOpen(null)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy !== null} data-testid="action-submit">
              {t('common.ok')}
            </Button>
          </Flex>
        </Form>
      </Modal>
    </div>
  );
}
