import { App, Button, Form, Input, Radio } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useFormSubmit } from '../../../shared/useFormSubmit.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import type { Satisfaction } from '../api.ts';
import type { CaseRecord } from '../hooks/useCaseRecord.ts';
import { SATISFACTION_KEYS, SATISFACTION_LEVELS } from '../labels.ts';

interface RatingValues {
  contacted: boolean;
  resolved: boolean;
  satisfaction: Satisfaction;
  comment?: string;
}

/**
 * 回访评价: after the reply, the requester says whether they were contacted,
 * whether it is solved and how satisfied they are (five levels). Sent with the
 * case version; an unsolved, unsatisfied first rating sends the case back to be handled again.
 */
export function RatingForm({ record }: { record: CaseRecord }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RatingValues>();
  const yesNo = [
    { value: true, label: t('common.yes') },
    { value: false, label: t('common.no') },
  ];

  const { busy, error, submit } = useFormSubmit(form, { invalid: { contacted: null, resolved: null, satisfaction: null, comment: null } }, async (values: RatingValues) => {
    const done = await record.act('rate', { contacted: values.contacted, resolved: values.resolved, satisfaction: values.satisfaction, ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}) });
    if (done) void message.success(t('cases.rate.thanks'));
  });

  const required = [{ required: true, message: t('form.required') }];
  return (
    <Form<RatingValues> form={form} layout="vertical" onFinish={submit} data-testid="rating-form">
      <Form.Item name="contacted" label={t('cases.rate.contacted')} rules={required}>
        <Radio.Group data-testid="rating-contacted" options={yesNo} />
      </Form.Item>
      <Form.Item name="resolved" label={t('cases.rate.resolved')} rules={required}>
        <Radio.Group data-testid="rating-resolved" options={yesNo} />
      </Form.Item>
      <Form.Item name="satisfaction" label={t('cases.rate.satisfaction')} rules={required}>
        <Radio.Group
          data-testid="rating-satisfaction"
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={SATISFACTION_LEVELS.map((s) => ({ value: s, label: t(SATISFACTION_KEYS[s]) }))}
        />
      </Form.Item>
      <Form.Item name="comment" label={t('cases.rate.comment')}>
        <Input.TextArea data-testid="rating-comment" rows={3} maxLength={2000} />
      </Form.Item>
      {error ? (
        <Form.Item>
          <ErrorAlert error={error} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="rating-submit">
        {t('cases.rate.submit')}
      </Button>
    </Form>
  );
}
