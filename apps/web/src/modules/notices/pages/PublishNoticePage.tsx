import { App, Button, Card, Form, Input, Result, Switch } from 'antd';
import { useNavigate } from 'react-router';
import { useT, type MessageKey } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import type { FieldMessages } from '../../../shared/api/errors.ts';
import { useFormSubmit } from '../../../shared/useFormSubmit.ts';
import { endOfDayInZone } from '../../../shared/time.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { getUnit, listChildren, UnitSelect } from '../../org/index.ts';
import { publishNotice } from '../api.ts';

interface NoticeValues {
  title: string;
  body: string;
  targetUnit: string;
  requiresAck: boolean;
  ackDueAt?: string;
}

const FIELD_MESSAGES: FieldMessages = {
  invalid: { title: null, body: null, targetUnit: 'supervision.err.units', requiresAck: null, ackDueAt: 'supervision.err.due' } satisfies Record<keyof NoticeValues, MessageKey | null>,
};

/**
 * 发布通知 (`notices.publish`): a notice to everyone in a unit's subtree
 * (the officer's own unit or one below it), optionally to be acknowledged
 * (签收) by a date. Afterwards the notice opens with its receipts.
 */
export function PublishNoticePage({ basePath }: { basePath: string }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const [form] = Form.useForm<NoticeValues>();
  const requiresAck = Form.useWatch('requiresAck', form);
  const home = me?.unit?.code;
  const suggestions = useAsync(async (signal) => (home ? [await getUnit(home, signal), ...(await listChildren(home, signal))] : []), [home]);
  const { busy, error, submit } = useFormSubmit(form, FIELD_MESSAGES, async (v: NoticeValues) => {
    const notice = await publishNotice({
      title: v.title.trim(),
      body: v.body.trim(),
      targetUnit: v.targetUnit,
      requiresAck: !!v.requiresAck,
      ...(v.requiresAck && v.ackDueAt ? { ackDueAt: endOfDayInZone(v.ackDueAt, timeZone) } : {}),
    });
    void message.success(t('notices.published'));
    navigate(`${basePath}/${encodeURIComponent(notice.id)}`);
  });
  if (!hasPermission(me, 'notices.publish')) return <Result status="403" title={t('notices.forbidden')} />;

  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <Card title={t('notices.publish')} data-testid="notice-publish" style={{ maxWidth: 760 }}>
      <Form<NoticeValues> form={form} layout="vertical" onFinish={submit} initialValues={{ requiresAck: false }}>
        <Form.Item name="title" label={t('notices.form.title')} rules={[required]}>
          <Input maxLength={200} data-testid="notice-form-title" />
        </Form.Item>
        <Form.Item name="body" label={t('notices.form.body')} rules={[required]}>
          <Input.TextArea rows={6} maxLength={20000} data-testid="notice-form-body" />
        </Form.Item>
        <Form.Item name="targetUnit" label={t('notices.form.target')} rules={[{ required: true, message: t('form.required') }]}>
          <UnitSelect within={home} suggestions={suggestions.data ?? []} testId="notice-form-target" />
        </Form.Item>
        <Form.Item name="requiresAck" label={t('notices.form.requiresAck')} valuePropName="checked">
          <Switch data-testid="notice-form-ack" />
        </Form.Item>
        {requiresAck ? (
          <Form.Item name="ackDueAt" label={t('notices.form.ackDueAt')}>
            <Input type="date" data-testid="notice-form-due" />
          </Form.Item>
        ) : null}
        {error ? (
          <Form.Item>
            <ErrorAlert error={error} testId="notice-form-error" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="notice-form-submit">
          {t('notices.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
