import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useFormSubmit } from '../../../shared/useFormSubmit.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { announceWorkChanged } from '../../../shared/workChanged.ts';
import { actOnCase, type CaseView } from '../api.ts';

/**
 * The case just taken: its tracking number and where it went. A 咨询 can be
 * answered on the spot (直接答复), which closes it.
 */
export function TakenCase({ value, onNext, onAnswered }: { value: CaseView; onNext(): void; onAnswered(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ text: string }>();
  const [current, setCurrent] = useState(value);
  const { busy, error, submit: answer } = useFormSubmit(form, { invalid: { text: 'cases.err.text' } }, async ({ text }: { text: string }) => {
    setCurrent(await actOnCase(current.id, 'answer', { version: current.version, text: text.trim() }));
    onAnswered();
    announceWorkChanged();
  });

  return (
    <Card data-testid="hotline-result" data-status={current.status}>
      <Flex vertical gap={12}>
        <Alert
          type="success"
          showIcon
          title={<span data-testid="hotline-number">{t('hotline.created', { number: current.number })}</span>}
          description={current.handler ? t('hotline.createdBody', { unit: current.handler.name }) : undefined}
        />
        {current.status === 'answered' ? <Alert type="info" showIcon title={t('hotline.answered')} data-testid="hotline-answered" /> : null}
        {current.type === 'consult' && current.status === 'dispatched' ? (
          <Form form={form} layout="vertical" onFinish={answer} data-testid="hotline-answer-form">
            <Typography.Text strong>{t('hotline.answerTitle')}</Typography.Text>
            <Typography.Paragraph type="secondary">{t('hotline.answerHint')}</Typography.Paragraph>
            <Form.Item name="text" rules={[{ required: true, message: t('form.required') }, { min: 2, message: t('cases.err.text') }]}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="hotline-answer-text" />
            </Form.Item>
            {error ? <ErrorAlert error={error} /> : null}
            <Button htmlType="submit" loading={busy} data-testid="hotline-answer-submit">
              {t('hotline.answerSubmit')}
            </Button>
          </Form>
        ) : null}
        <div>
          <Button type="primary" onClick={onNext} data-testid="hotline-next">
            {t('hotline.next')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
