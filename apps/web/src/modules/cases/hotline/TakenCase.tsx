import { useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Tag, Typography, type GetRef } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useFormSubmit } from '../../../shared/useFormSubmit.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { announceWorkChanged } from '../../../shared/workChanged.ts';
import { actOnCase, type CaseView, type KnowledgeEntry } from '../api.ts';
import { KnowledgeSearch } from './KnowledgeSearch.tsx';

/**
 * The case just taken: its tracking number and where it went. A 咨询 can be
 * answered on the spot (直接答复), which closes it: the knowledge base is
 * searched with the caller's words, an answer inserted is cited (`knowledgeId`),
 * and Ctrl+Enter in the answer sends it.
 */
export function TakenCase({ value, onNext, onAnswered }: { value: CaseView; onNext(): void; onAnswered(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ text: string }>();
  const [current, setCurrent] = useState(value);
  const [cited, setCited] = useState<KnowledgeEntry | null>(null);
  const answerRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const { busy, error, submit: answer } = useFormSubmit(form, { invalid: { text: 'cases.err.text', knowledgeId: null } }, async ({ text }: { text: string }) => {
    setCurrent(await actOnCase(current.id, 'answer', { version: current.version, text: text.trim(), ...(cited ? { knowledgeId: cited.id } : {}) }));
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
          <KnowledgeSearch
            initialQuery={current.description.slice(0, 100)}
            onPick={(entry) => {
              form.setFieldValue('text', entry.answer);
              setCited(entry);
              answerRef.current?.focus();
            }}
          />
        ) : null}
        {current.type === 'consult' && current.status === 'dispatched' ? (
          <Form form={form} layout="vertical" onFinish={answer} data-testid="hotline-answer-form">
            <Typography.Text strong>{t('hotline.answerTitle')}</Typography.Text>
            <Typography.Paragraph type="secondary">{t('hotline.answerHint')}</Typography.Paragraph>
            {cited ? (
              <Tag closable onClose={() => setCited(null)} data-testid="hotline-cited" data-id={cited.id} style={{ marginBottom: 8, whiteSpace: 'normal' }}>
                {t('hotline.kb.cited', { question: cited.question })}
              </Tag>
            ) : null}
            <Form.Item name="text" rules={[{ required: true, message: t('form.required') }, { min: 2, message: t('cases.err.text') }]}>
              <Input.TextArea
                ref={answerRef}
                rows={4}
                maxLength={4000}
                data-testid="hotline-answer-text"
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
                }}
              />
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
