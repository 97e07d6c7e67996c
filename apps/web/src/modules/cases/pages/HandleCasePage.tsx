import { Suspense } from 'react';
import { Alert, Card, Col, Empty, Flex, Row } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { useSession } from '../../identity/index.ts';
import { listChildren } from '../../org/index.ts';
import { PinMap, useCityBoundaries } from '../../geo/index.ts';
import { getCase } from '../api.ts';
import { useCaseRecord } from '../hooks/useCaseRecord.ts';
import { allowedActions } from '../handling/allowedActions.ts';
import { CaseActions } from '../handling/CaseActions.tsx';
import { CaseFacts } from '../components/CaseFacts.tsx';
import { CaseDeadlines } from '../components/CaseDeadlines.tsx';
import { CaseTimeline } from '../components/CaseTimeline.tsx';
import { CaseParticipants } from '../components/CaseParticipants.tsx';
import { CaseAttachments } from '../components/CaseAttachments.tsx';

/**
 * 案件办理 (京办): the case, its place on the map, the reporter (or 匿名), the
 * deadlines with countdowns, the units working on it, the timeline, and the
 * actions its status allows the viewer. Every action sends the case version.
 */
export function HandleCasePage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const { me } = useSession();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const record = useCaseRecord(id);
  const c = record.data;
  const actions = c && me ? allowedActions(c, { unitCode: me.unit?.code ?? null, permissions: me.permissions }) : [];
  const wantsAgencies = actions.includes('whistle');
  const agencies = useAsync(
    async (signal) => (wantsAgencies && c?.district ? (await listChildren(c.district.code, signal)).filter((u) => u.level === 'agency') : []),
    [wantsAgencies, c?.district?.code],
  );
  // 疑似重复: the suggested case, offered as the merge target.
  const duplicateOf = actions.includes('merge') ? c?.duplicateOf : null;
  const duplicate = useAsync(async (signal) => (duplicateOf ? getCase(duplicateOf, signal) : null), [duplicateOf]);

  const back = <BackLink to={basePath} label={t('handling.unit.title')} />;
  if (record.error) return <Flex vertical gap={8}>{back}<ErrorAlert error={record.error} onRetry={record.reload} /></Flex>;
  if (!c) return <PageLoading />;
  return (
    <Flex vertical gap={12} data-testid="case-page" data-version={c.version} data-status={c.status}>
      {back}
      {c.extension ? (
        <Alert type="warning" showIcon data-testid="case-extension" title={t('cases.extensionPending', { due: formatInstant(c.extension.requestedDueAt, locale, timeZone), reason: c.extension.reason })} />
      ) : null}
      {duplicate.data ? (
        <Alert
          type="warning"
          showIcon
          data-testid="case-duplicate"
          data-number={duplicate.data.number}
          title={t('handling.merge.duplicate', { number: duplicate.data.number })}
          action={<Link to={`${basePath}/${encodeURIComponent(duplicate.data.id)}`}>{t('handling.merge.open')}</Link>}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card>
              <CaseFacts value={c} showReporter caseLink={(other) => `${basePath}/${encodeURIComponent(other)}`} />
            </Card>
            {c.attachments.length > 0 ? (
              <Card title={t('cases.files.title')}>
                <CaseAttachments value={c} />
              </Card>
            ) : null}
            <Card title={t('cases.deadline.title')}>
              <CaseDeadlines value={c} />
            </Card>
            {c.participants.length > 0 ? (
              <Card title={t('cases.participants.title')}>
                <CaseParticipants items={c.participants} timeZone={timeZone} />
              </Card>
            ) : null}
            <Card title={t('cases.timeline.title')}>
              <CaseTimeline value={c} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <Card title={t('handling.actions')}>
              <CaseActions record={record} actions={actions} timeZone={timeZone} agencies={agencies.data ?? []} duplicate={duplicate.data ?? null} />
            </Card>
            <Card title={t('cases.map.title')} styles={{ body: { padding: 8 } }}>
              <CaseMap location={c.location} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

function CaseMap({ location }: { location: { lng: number; lat: number } | null }) {
  const { t } = useI18n();
  const city = useCityBoundaries();
  if (!location) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.map.none')} />;
  if (city.error) return <ErrorAlert error={city.error} onRetry={city.reload} />;
  if (!city.data) return <PageLoading />;
  return (
    <Suspense fallback={<PageLoading />}>
      <PinMap boundaries={city.data.boundaries} styleUrl={city.data.config.mapStyleUrl} center={city.data.config.center} value={location} height={260} />
    </Suspense>
  );
}
