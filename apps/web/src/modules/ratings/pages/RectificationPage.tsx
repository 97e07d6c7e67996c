import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Input, Radio, Select, Switch, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { endOfDayInZone } from '../../../shared/time.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { announceWorkChanged } from '../../../shared/workChanged.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { reasonText } from '../../halls/labels.ts';
import { appeal, decideAppeal, getRating, logCallback, recordOutcome, type Rating } from '../api.ts';

type Channel = 'phone' | 'sms' | 'visit' | 'online';
type OutcomeKind = 'fixed_now' | 'fix_by_date' | 'explained';

/**
 * 差评整改 of one bad review (京办): the review, the callbacks logged (who,
 * when, how), the outcome, the appeal. The responsible unit logs callbacks,
 * records the outcome (which reports the 督办 task) or appeals once; the
 * service administration decides the appeal.
 */
export function RectificationPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const { me } = useSession();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const loaded = useAsync((signal) => getRating(id, signal), [id]);
  const [rating, setRating] = useState<Rating | undefined>(undefined);
  useEffect(() => setRating(loaded.data), [loaded.data]);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [channel, setChannel] = useState<Channel>('phone');
  const [reached, setReached] = useState(true);
  const [callText, setCallText] = useState('');
  const [kind, setKind] = useState<OutcomeKind>('fixed_now');
  const [outText, setOutText] = useState('');
  const [fixBy, setFixBy] = useState('');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');

  const back = <BackLink to={basePath} label={t('ratings.rect.title')} />;
  if (loaded.error) return <Flex vertical gap={8}>{back}<ErrorAlert error={loaded.error} onRetry={loaded.reload} /></Flex>;
  if (!rating?.rectification) return <PageLoading />;
  const r = rating;
  const rect = r.rectification!;
  const mineUnit = me?.unit?.code === r.unit.code;
  const reviewer = hasPermission(me, 'ratings.review');
  const fmt = (iso: string) => formatInstant(iso, locale, timeZone);

  async function act(name: string, run: () => Promise<Rating>, reset: () => void) {
    setBusy(name);
    setFailure(null);
    try {
      setRating(await run());
      reset();
      announceWorkChanged();
    } catch (err) {
      setFailure(err);
      loaded.reload();
    } finally {
      setBusy(null);
    }
  }

  const section = (title: string, testId: string, body: ReactNode) => (
    <Card size="small" title={title} data-testid={testId}>
      {body}
    </Card>
  );

  return (
    <Flex vertical gap={12} data-testid="rectification-page" data-status={rect.status} data-version={r.version}>
      {back}
      <Card title={<Flex gap={8} wrap align="center"><Tag color="red">{t(`ratings.level.${r.level}`)}</Tag><span>{r.hall?.name ?? t(`ratings.rect.subject.${r.subject.kind}`)}</span></Flex>}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'status', label: t('ratings.rect.title'), children: <span data-testid="rect-status">{t(`ratings.rect.status.${rect.status}`)}</span> },
            { key: 'due', label: t('ratings.rect.due'), children: <span data-testid="rect-due" data-overdue={String(rect.overdue)}>{fmt(rect.dueAt)}{rect.overdue ? ` · ${t('ratings.rect.overdue')}` : ''}</span> },
            { key: 'rater', label: t('ratings.rect.rater'), children: r.rater?.name ?? '—' },
            { key: 'subject', label: t('ratings.rect.subject'), children: t(`ratings.rect.subject.${r.subject.kind}`) },
            { key: 'comment', label: t('ratings.rect.comment'), children: r.comment ?? '—' },
            ...Object.entries(r.dimensions).map(([d, l]) => ({ key: d, label: t(`ratings.dim.${d}` as 'ratings.dim.efficiency'), children: t(`ratings.level.${l}`) })),
          ]}
        />
        {rect.supervisionTaskId ? <Link to={`/ban/supervision/${encodeURIComponent(rect.supervisionTaskId)}`} data-testid="rect-task-link">{t('ratings.rect.task')}</Link> : null}
      </Card>

      {section(
        t('ratings.rect.callbacks'),
        'rect-callbacks',
        rect.callbacks.length === 0 ? (
          <Typography.Text type="secondary">{t('ratings.rect.noCallbacks')}</Typography.Text>
        ) : (
          <Timeline
            data-count={rect.callbacks.length}
            items={rect.callbacks.map((c) => ({
              key: c.id,
              content: (
                <div data-testid="rect-callback">
                  <Typography.Text strong>{t(`ratings.rect.callback.channel.${c.channel}`)}</Typography.Text> {c.reached ? '' : `（${t('ratings.rect.callback.reached')}：✗）`}
                  <div>{c.text}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ratings.rect.callback.by', { name: c.by.name, at: fmt(c.at) })}</Typography.Text>
                </div>
              ),
            }))}
          />
        ),
      )}

      {rect.outcome
        ? section(t('ratings.rect.outcome'), 'rect-outcome', (
            <Flex vertical gap={4} data-kind={rect.outcome.kind}>
              <Typography.Text strong>{t(`ratings.rect.outcome.${rect.outcome.kind}`)}</Typography.Text>
              <Typography.Text>{rect.outcome.text}</Typography.Text>
              {rect.outcome.fixBy ? <Typography.Text>{t('ratings.rect.outcome.fixBy')}：{fmt(rect.outcome.fixBy)}</Typography.Text> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{rect.outcome.by.name} · {fmt(rect.outcome.at)}</Typography.Text>
            </Flex>
          ))
        : null}

      {rect.appeal
        ? section(t('ratings.rect.appeal'), 'rect-appeal', (
            <Flex vertical gap={4} data-status={rect.appeal.status}>
              <Typography.Text strong>{t(`ratings.rect.appeal.status.${rect.appeal.status}`)}</Typography.Text>
              <Typography.Text>{rect.appeal.reason}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{rect.appeal.by.name} · {fmt(rect.appeal.at)}</Typography.Text>
              {rect.appeal.comment ? <Typography.Text>{rect.appeal.decidedBy?.name}：{rect.appeal.comment}</Typography.Text> : null}
            </Flex>
          ))
        : null}

      {failure ? <Alert type="error" showIcon title={reasonText(t, failure)} data-testid="rect-error" /> : null}

      {mineUnit && !r.voided
        ? section(t('ratings.rect.callback'), 'rect-callback-form', (
            <Flex vertical gap={8}>
              <Select<Channel> data-testid="callback-channel" value={channel} onChange={setChannel} options={(['phone', 'sms', 'visit', 'online'] as const).map((c) => ({ value: c, label: t(`ratings.rect.callback.channel.${c}`) }))} />
              <Flex align="center" gap={8}>
                <Switch checked={reached} onChange={setReached} data-testid="callback-reached" />
                <span>{t('ratings.rect.callback.reached')}</span>
              </Flex>
              <Input.TextArea data-testid="callback-text" rows={2} maxLength={2000} placeholder={t('ratings.rect.callback.text')} value={callText} onChange={(e) => setCallText(e.target.value)} />
              <Button type="primary" disabled={!callText.trim()} loading={busy === 'callback'} data-testid="callback-submit" onClick={() => void act('callback', () => logCallback(r.id, { version: r.version, channel, reached, text: callText.trim() }), () => setCallText(''))}>
                {t('ratings.rect.callback')}
              </Button>
            </Flex>
          ))
        : null}

      {mineUnit && rect.status === 'open' && rect.appeal?.status !== 'pending'
        ? section(t('ratings.rect.outcome'), 'rect-outcome-form', (
            <Flex vertical gap={8}>
              <Radio.Group data-testid="outcome-kind" value={kind} onChange={(e) => setKind(e.target.value as OutcomeKind)} options={(['fixed_now', 'fix_by_date', 'explained'] as const).map((k) => ({ value: k, label: t(`ratings.rect.outcome.${k}`) }))} />
              {kind === 'fix_by_date' ? <Input type="date" data-testid="outcome-fix-by" value={fixBy} onChange={(e) => setFixBy(e.target.value)} aria-label={t('ratings.rect.outcome.fixBy')} /> : null}
              <Input.TextArea data-testid="outcome-text" rows={3} maxLength={5000} placeholder={t('ratings.rect.outcome.text')} value={outText} onChange={(e) => setOutText(e.target.value)} />
              <Button
                type="primary"
                disabled={!outText.trim() || (kind === 'fix_by_date' && !fixBy)}
                loading={busy === 'outcome'}
                data-testid="outcome-submit"
                onClick={() => void act('outcome', () => recordOutcome(r.id, { version: r.version, kind, text: outText.trim(), ...(kind === 'fix_by_date' ? { fixBy: endOfDayInZone(fixBy, timeZone) } : {}) }), () => setOutText(''))}
              >
                {t('ratings.rect.outcome.submit')}
              </Button>
            </Flex>
          ))
        : null}

      {mineUnit && !rect.appeal && !r.voided
        ? section(t('ratings.rect.appeal'), 'rect-appeal-form', (
            <Flex vertical gap={8}>
              <Input.TextArea data-testid="appeal-reason" rows={2} maxLength={2000} placeholder={t('ratings.rect.appeal.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
              <Button danger disabled={!reason.trim()} loading={busy === 'appeal'} data-testid="appeal-submit" onClick={() => void act('appeal', () => appeal(r.id, { version: r.version, reason: reason.trim() }), () => setReason(''))}>
                {t('ratings.rect.appeal.submit')}
              </Button>
            </Flex>
          ))
        : null}

      {reviewer && rect.appeal?.status === 'pending'
        ? section(t('ratings.rect.decide'), 'rect-decide-form', (
            <Flex vertical gap={8}>
              <Input.TextArea data-testid="decide-comment" rows={2} maxLength={2000} placeholder={t('ratings.rect.decide.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
              <Flex gap={8} wrap>
                <Button danger disabled={!comment.trim()} loading={busy === 'uphold'} data-testid="decide-uphold" onClick={() => void act('uphold', () => decideAppeal(r.id, { version: r.version, uphold: true, comment: comment.trim() }), () => setComment(''))}>
                  {t('ratings.rect.decide.uphold')}
                </Button>
                <Button disabled={!comment.trim()} loading={busy === 'reject'} data-testid="decide-reject" onClick={() => void act('reject', () => decideAppeal(r.id, { version: r.version, uphold: false, comment: comment.trim() }), () => setComment(''))}>
                  {t('ratings.rect.decide.reject')}
                </Button>
              </Flex>
            </Flex>
          ))
        : null}
    </Flex>
  );
}
