import { useMemo } from 'react';
import { Card, Collapse, Descriptions, Flex, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { pendingQuestions } from '@jing/contracts/guide';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { getService, readGuide, type ServiceDefinition } from '../api.ts';
import { txt } from '../labels.ts';
import { GuideQuestions } from '../components/GuideQuestions.tsx';
import { GuideResult } from '../components/GuideResult.tsx';
import { LimitTag, VisitsTag } from '../components/ItemTags.tsx';

/**
 * One service item (京通): its facts, then the guide — questions first, then
 * exactly the materials and steps of the situation the answers select, and
 * the 在线办理 button. Answers live in the address (`?basis=study`), so a
 * link or the back button keeps them.
 */
export function ServiceItemPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const item = useAsync((signal) => getService(code, signal), [code]);
  const d = item.data?.definition;
  const answers = useMemo(() => {
    if (!d) return {};
    return Object.fromEntries(d.questions.flatMap((q) => (params.get(q.id) ? [[q.id, params.get(q.id)!]] : [])));
  }, [d, params]);
  const complete = !!d && pendingQuestions(d, answers).length === 0;
  const key = JSON.stringify(answers);
  const guide = useAsync((signal) => (d && complete ? readGuide(code, answers, signal) : Promise.resolve(null)), [code, d, complete, key]);

  if (item.error) return <ErrorAlert error={item.error} onRetry={item.reload} />;
  if (!d) return <PageLoading />;
  const setAnswers = (next: Record<string, string>) => setParams(new URLSearchParams(next), { replace: true });

  return (
    <Flex vertical gap={12} data-testid="service-page" data-code={d.code} data-version={item.data!.version}>
      <BackLink to={basePath} label={t('services.item.back')} />
      <Card size="small">
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="service-name">
          {txt(d.name, locale)}
        </Typography.Title>
        <Flex gap={4} wrap style={{ marginBottom: 8 }}>
          <Tag>{t(`services.type.${d.itemType}`)}</Tag>
          <LimitTag days={d.promisedLimitDays} />
          <VisitsTag visits={d.onsiteVisits} />
        </Flex>
        {d.summary ? <Typography.Paragraph>{txt(d.summary, locale)}</Typography.Paragraph> : null}
        <Typography.Text type="secondary">
          {t('services.item.department')}：{txt(d.department.name, locale)}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('services.item.guide')} data-testid="service-guide">
        <Flex vertical gap={16}>
          <GuideQuestions definition={d} answers={answers} onChange={setAnswers} />
          {guide.error ? <ErrorAlert error={guide.error} onRetry={guide.reload} testId="guide-error" /> : null}
          {complete && guide.data ? <GuideResult guide={guide.data} /> : null}
        </Flex>
      </Card>
      <Facts d={d} />
    </Flex>
  );
}

/** Everything else a service guide states: conditions, limits, fees, visits, place and hours, result, channels, FAQ. */
function Facts({ d }: { d: ServiceDefinition }) {
  const { t, locale } = useI18n();
  const days = (n: number) => (n === 0 ? t('services.limit.immediate') : t('services.limit.days', { n }));
  return (
    <Card size="small" data-testid="service-facts">
      <Descriptions column={1} size="small" layout="vertical" colon={false}>
        <Descriptions.Item label={t('services.item.conditions')}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {d.acceptanceConditions.map((c, i) => (
              <li key={i}>{txt(c, locale)}</li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={t('services.item.limits')}>
          <span data-testid="service-limits" data-promised={d.promisedLimitDays} data-statutory={d.statutoryLimitDays}>
            {t('services.item.limit.promised')} {days(d.promisedLimitDays)} · {t('services.item.limit.statutory')} {days(d.statutoryLimitDays)}
          </span>
        </Descriptions.Item>
        {d.specialSteps.length > 0 ? (
          <Descriptions.Item label={t('services.item.special')}>
            {d.specialSteps.map((s, i) => (
              <div key={i}>
                {t('services.item.special.days', { name: txt(s.name, locale), n: s.maxDays, counts: t(s.countsInLimit ? 'services.item.special.counts' : 'services.item.special.excluded') })}
              </div>
            ))}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('services.item.fees')}>
          <span data-testid="service-fees">
            {d.fees.length === 0 ? t('services.item.fees.free') : d.fees.map((f) => t('services.item.fee', { name: txt(f.name, locale), amount: f.amountYuan })).join('；')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('services.item.visits')}>{d.onsiteVisits === 0 ? t('services.visits.zero') : t('services.visits.n', { n: d.onsiteVisits })}</Descriptions.Item>
        {d.place ? <Descriptions.Item label={t('services.item.place')}>{txt(d.place, locale)}</Descriptions.Item> : null}
        {d.hours ? <Descriptions.Item label={t('services.item.hours')}>{txt(d.hours, locale)}</Descriptions.Item> : null}
        <Descriptions.Item label={t('services.item.result')}>{txt(d.result.name, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('services.item.basis')}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {d.legalBasis.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={t('services.item.channels')}>
          {d.consultPhone ? <div>{t('services.item.consult', { phone: d.consultPhone })}</div> : null}
          {d.complaintPhone ? <div>{t('services.item.complaint', { phone: d.complaintPhone })}</div> : null}
        </Descriptions.Item>
      </Descriptions>
      {d.faq.length > 0 ? (
        <>
          <Typography.Title level={5}>{t('services.item.faq')}</Typography.Title>
          <Collapse size="small" items={d.faq.map((f, i) => ({ key: i, label: txt(f.q, locale), children: txt(f.a, locale) }))} />
        </>
      ) : null}
      {d.source ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0, wordBreak: 'break-all' }}>
          {t('services.item.source')}：{d.source}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
