import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Radio, Select, Tag, Typography } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { reasonText } from '../../halls/labels.ts';
import { createRating, LEVELS, subjectState, type RatingLevel, type SubjectKind } from '../api.ts';

const BAD: readonly RatingLevel[] = ['dissatisfied', 'very_dissatisfied'];

/**
 * 好差评 form for any subject (a hall visit, an application): the overall
 * level (整体满意度), optional levels of the channel's standard dimensions,
 * free text. Once given, the rating is shown instead.
 */
export function RatingPanel({ kind, id }: { kind: SubjectKind; id: string }) {
  const t = useT();
  const state = useAsync((signal) => subjectState(kind, id, signal), [kind, id]);
  const [level, setLevel] = useState<RatingLevel | undefined>(undefined);
  const [dims, setDims] = useState<Record<string, RatingLevel>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function submit() {
    if (!level) return;
    setBusy(true);
    setFailure(null);
    try {
      await createRating({ subjectKind: kind, subjectId: id, level, dimensions: dims, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      state.reload();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} />;
  if (!state.data) return <PageLoading />;
  const { rating, ratable, reason, dimensions } = state.data;
  if (rating) {
    return (
      <Card title={t('ratings.given')} data-testid="rating-given" data-level={rating.level}>
        <Flex vertical gap={6}>
          <Tag color={rating.bad ? 'red' : 'green'} style={{ alignSelf: 'flex-start', fontSize: 16, padding: '4px 10px' }}>
            {t(`ratings.level.${rating.level}`)}
          </Tag>
          {rating.comment ? <Typography.Text>{rating.comment}</Typography.Text> : null}
          {rating.rectification ? (
            <Typography.Text type="secondary" data-testid="rating-rectification" data-status={rating.rectification.status}>
              {t('ratings.rect.title')}：{t(`ratings.rect.status.${rating.rectification.status}`)}
              {rating.rectification.outcome ? ` · ${t(`ratings.rect.outcome.${rating.rectification.outcome.kind}`)}：${rating.rectification.outcome.text}` : ''}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
    );
  }
  if (!ratable) return <Alert type="info" showIcon title={t(`ratings.form.notRatable.${reason as 'not_found' | 'not_yours' | 'not_completed'}`)} data-testid="rating-unavailable" />;
  return (
    <Card title={t('ratings.form.title')} data-testid="rating-form" data-kind={kind}>
      <Flex vertical gap={12}>
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('ratings.dim.overall')}</Typography.Text>
          <Radio.Group data-testid="rating-level" value={level} onChange={(e) => setLevel(e.target.value as RatingLevel)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {LEVELS.map((l) => (
              <Radio key={l} value={l} data-testid={`rating-level-${l}`}>
                {t(`ratings.level.${l}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Flex>
        {level && BAD.includes(level) ? <Alert type="warning" showIcon title={t('ratings.form.badNote')} /> : null}
        <Flex vertical gap={6}>
          <Typography.Text strong>{t('ratings.form.dimensions')}</Typography.Text>
          {dimensions.map((d) => (
            <Flex key={d} align="center" gap={8} wrap>
              <span style={{ minWidth: 110 }}>{t(`ratings.dim.${d}` as 'ratings.dim.efficiency')}</span>
              <Select
                data-testid={`rating-dim-${d}`}
                allowClear
                style={{ flex: 1, minWidth: 140 }}
                value={dims[d]}
                onChange={(v: RatingLevel | undefined) => setDims(({ [d]: _old, ...rest }) => (v ? { ...rest, [d]: v } : rest))}
                options={LEVELS.map((l) => ({ value: l, label: t(`ratings.level.${l}`) }))}
              />
            </Flex>
          ))}
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('ratings.form.comment')}</Typography.Text>
          <Input.TextArea data-testid="rating-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Flex>
        {failure ? <Alert type="error" showIcon title={reasonText(t, failure)} data-testid="rating-error" /> : null}
        <Button type="primary" size="large" block disabled={!level} loading={busy} onClick={() => void submit()} data-testid="rating-submit">
          {t('ratings.form.submit')}
        </Button>
      </Flex>
    </Card>
  );
}
