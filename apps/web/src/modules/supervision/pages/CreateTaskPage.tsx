import { App, Button, Card, Form, Input, Result, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useT, type MessageKey } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import type { FieldMessages } from '../../../shared/api/errors.ts';
import { useFormSubmit } from '../../../shared/useFormSubmit.ts';
import { addDays, dayInZone, endOfDayInZone } from '../../../shared/time.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { listChildren, UnitSelect } from '../../org/index.ts';
import { createTask, TASK_SOURCES, type TaskSource } from '../api.ts';
import { SOURCE_KEYS } from '../labels.ts';

interface TaskValues {
  title: string;
  description: string;
  source: TaskSource;
  dueAt: string;
  units: string[];
}

const FIELD_MESSAGES: FieldMessages = {
  invalid: { title: null, description: null, source: null, dueAt: 'supervision.err.due', units: 'supervision.err.units' } satisfies Record<keyof TaskValues, MessageKey | null>,
};

/**
 * 新建督办 (supervisors): title, requirement, source, deadline (end of the
 * chosen day, city time) and the units — picked from the units right under
 * the officer's own, or found by search within it.
 */
export function CreateTaskPage({ basePath }: { basePath: string }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const [form] = Form.useForm<TaskValues>();
  const home = me?.unit?.code;
  const children = useAsync((signal) => (home ? listChildren(home, signal) : Promise.resolve([])), [home]);
  const { busy, error, submit } = useFormSubmit(form, FIELD_MESSAGES, async (v: TaskValues) => {
    const task = await createTask({ title: v.title.trim(), description: v.description.trim(), source: v.source, dueAt: endOfDayInZone(v.dueAt, timeZone), units: v.units });
    void message.success(t('supervision.create.done'));
    navigate(`${basePath}/${encodeURIComponent(task.id)}`);
  });
  if (!hasPermission(me, 'supervision.manage')) return <Result status="403" title={t('supervision.forbidden')} />;

  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <Card title={t('supervision.create.title')} data-testid="supervision-create" style={{ maxWidth: 760 }}>
      <Form<TaskValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ source: 'leader_instruction', dueAt: addDays(dayInZone(new Date(), timeZone), 7), units: [] }}
      >
        <Form.Item name="title" label={t('supervision.create.name')} rules={[required]}>
          <Input maxLength={200} data-testid="task-name" />
        </Form.Item>
        <Form.Item name="description" label={t('supervision.create.description')} rules={[required]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="task-description" />
        </Form.Item>
        <Form.Item name="source" label={t('supervision.create.source')} rules={[{ required: true, message: t('form.required') }]}>
          <Select data-testid="task-source" options={TASK_SOURCES.map((s) => ({ value: s, label: t(SOURCE_KEYS[s]) }))} />
        </Form.Item>
        <Form.Item name="dueAt" label={t('supervision.create.due')} rules={[{ required: true, message: t('form.required') }]}>
          <Input type="date" data-testid="task-due" />
        </Form.Item>
        <Form.Item name="units" label={t('supervision.create.units')} extra={t('supervision.create.unitsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('form.required') }]}>
          <UnitSelect multiple within={home} suggestions={children.data ?? []} testId="task-units" />
        </Form.Item>
        {error ? (
          <Form.Item>
            <ErrorAlert error={error} testId="task-error" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="task-submit">
          {t('supervision.create.submit')}
        </Button>
      </Form>
    </Card>
  );
}
