import { Card, Descriptions, Flex } from 'antd';
import { useParams } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { useCaseRecord } from '../hooks/useCaseRecord.ts';
import { SATISFACTION_KEYS } from '../labels.ts';
import { CaseFacts } from '../components/CaseFacts.tsx';
import { CaseDeadlines } from '../components/CaseDeadlines.tsx';
import { CaseTimeline } from '../components/CaseTimeline.tsx';
import { CaseAttachments } from '../components/CaseAttachments.tsx';
import { RatingForm } from '../components/RatingForm.tsx';

/**
 * One of my requests (京通): what it is, who handles it, the deadlines and the
 * timeline; once the unit has replied, the 回访评价 form.
 */
export function MyCasePage({ basePath }: { basePath: string }) {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const record = useCaseRecord(id);
  const c = record.data;
  const back = <BackLink to={basePath} label={t('cases.mine.title')} />;
  if (record.error) return <Flex vertical gap={8}>{back}<ErrorAlert error={record.error} onRetry={record.reload} /></Flex>;
  if (!c) return <PageLoading />;
  return (
    <Flex vertical gap={12} data-testid="my-case-page" data-version={c.version}>
      {back}
      <Card>
        <CaseFacts value={c} caseLink={(other) => `${basePath}/${encodeURIComponent(other)}`} />
      </Card>
      {c.attachments.length > 0 ? (
        <Card title={t('cases.files.title')}>
          <CaseAttachments value={c} />
        </Card>
      ) : null}
      {c.status === 'replied' ? (
        <Card title={t('cases.rate.title')}>
          <RatingForm record={record} />
        </Card>
      ) : null}
      {c.rating ? (
        <Card title={t('cases.rate.yours')} data-testid="rating-given" data-satisfaction={c.rating.satisfaction}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'contacted', label: t('cases.rate.contacted'), children: t(c.rating.contacted ? 'common.yes' : 'common.no') },
              { key: 'resolved', label: t('cases.rate.resolved'), children: t(c.rating.resolved ? 'common.yes' : 'common.no') },
              { key: 'satisfaction', label: t('cases.rate.satisfaction'), children: t(SATISFACTION_KEYS[c.rating.satisfaction]) },
            ]}
          />
        </Card>
      ) : null}
      <Card title={t('cases.deadline.title')}>
        <CaseDeadlines value={c} />
      </Card>
      <Card title={t('cases.timeline.title')}>
        <CaseTimeline value={c} />
      </Card>
    </Flex>
  );
}
