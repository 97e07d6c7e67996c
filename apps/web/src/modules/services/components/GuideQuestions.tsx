import { Button, Flex, Radio, Typography } from 'antd';
import { pendingQuestions } from '@jing/contracts/guide';
import { useI18n } from '../../../shared/i18n/index.ts';
import type { ServiceDefinition } from '../api.ts';
import { txt } from '../labels.ts';

/**
 * The guide's questions, one after another: answered ones stay visible (and
 * can be changed), the next one that still matters appears below; questions
 * no remaining situation depends on are never asked (same rules as the server).
 */
export function GuideQuestions({ definition, answers, onChange }: { definition: ServiceDefinition; answers: Record<string, string>; onChange(next: Record<string, string>): void }) {
  const { t, locale } = useI18n();
  const next = pendingQuestions(definition, answers)[0];
  const shown = definition.questions.filter((q) => answers[q.id] !== undefined || q.id === next?.id);
  const answer = (id: string, value: string) => {
    // Changing an earlier answer may change which later questions matter: keep only those still asked.
    const idx = definition.questions.findIndex((q) => q.id === id);
    const kept = Object.fromEntries(Object.entries(answers).filter(([k]) => definition.questions.findIndex((q) => q.id === k) < idx));
    onChange({ ...kept, [id]: value });
  };
  if (definition.questions.length === 0) return <Typography.Text type="secondary">{t('services.item.guide.single')}</Typography.Text>;
  return (
    <Flex vertical gap={12} data-testid="guide-questions">
      <Typography.Text type="secondary">{t('services.item.guide.intro')}</Typography.Text>
      {shown.map((q) => (
        <Flex vertical gap={6} key={q.id} data-testid={`guide-question-${q.id}`}>
          <Typography.Text strong>{txt(q.text, locale)}</Typography.Text>
          <Radio.Group value={answers[q.id]} onChange={(e) => answer(q.id, e.target.value as string)}>
            <Flex vertical gap={6}>
              {q.options.map((o) => (
                <Radio key={o.value} value={o.value} data-testid={`guide-option-${q.id}-${o.value}`}>
                  {txt(o.label, locale)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Flex>
      ))}
      {Object.keys(answers).length > 0 ? (
        <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={() => onChange({})} data-testid="guide-reset">
          {t('services.item.guide.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
