import { Card, Descriptions, Flex, Image, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { announceWorkChanged } from '../../../shared/workChanged.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { useSession } from '../../identity/index.ts';
import { getAlert } from '../api.ts';
import { ALERT_KIND_KEYS, ALERT_STATUS_COLORS, ALERT_STATUS_KEYS, MEASURE_TYPE_KEYS } from '../labels.ts';
import { EvidenceChart } from '../components/EvidenceChart.tsx';
import { AlertReportForm } from '../components/AlertReportForm.tsx';

/**
 * One alert: the evidence, the 督办 task it became and its state, the data verification (the alert
 * closes only when the data agree), and — for the responsible unit — the report form.
 */
export function AirAlertPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const { me } = useSession();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const alert = useAsync((signal) => getAlert(id, signal), [id]);
  const back = <BackLink to={basePath} label={t('airwork.alerts.title')} />;
  if (alert.error) return <Flex vertical gap={8}>{back}<ErrorAlert error={alert.error} onRetry={alert.reload} /></Flex>;
  const a = alert.data;
  if (!a) return <PageLoading />;
  const mine = me?.unit?.code === a.unit.code;
  const at = (iso: string) => formatInstant(iso, locale, timeZone);
  return (
    <Flex vertical gap={16} data-testid="air-alert-page" data-status={a.status}>
      {back}
      <Card
        title={<span data-testid="alert-title">{t('airwork.alert.title', { device: a.device.code })}</span>}
        extra={<Tag color={ALERT_STATUS_COLORS[a.status]} data-testid="alert-status">{t(ALERT_STATUS_KEYS[a.status])}</Tag>}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'kind', label: t('airwork.col.kind'), children: t(ALERT_KIND_KEYS[a.kind]) },
            { key: 'pollutant', label: t('airwork.alert.pollutant'), children: a.pollutant.toUpperCase().replace('PM25', 'PM2.5') },
            { key: 'unit', label: t('airwork.col.unit'), children: a.unit.name },
            { key: 'first', label: t('airwork.col.first'), children: at(a.firstHour) },
            { key: 'bad', label: t('airwork.alert.badHours'), children: a.badHours },
            { key: 'peak', label: t('airwork.alert.peak'), children: `${a.peak?.toFixed(0) ?? '—'} / ${a.peakBaseline?.toFixed(0) ?? '—'}` },
            {
              key: 'verification',
              label: t('airwork.alert.verification'),
              children: <span data-testid="alert-clean-hours" data-clean={a.cleanHours}>{t('airwork.alert.cleanHours', { n: a.cleanHours, need: a.clearHours })}</span>,
            },
          ]}
        />
        {a.note ? <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="alert-note">{a.note}</Typography.Paragraph> : null}
        {a.returns > 0 ? <Typography.Paragraph type="warning">{t('airwork.alert.returns', { n: a.returns })}</Typography.Paragraph> : null}
      </Card>
      <Card size="small" title={t('airwork.alert.evidence')}>
        <EvidenceChart hours={a.hours} timeZone={timeZone} />
      </Card>
      {a.task ? (
        <Card size="small" title={t('airwork.alert.task')} data-testid="alert-task" data-assignment-status={a.task.assignment?.status ?? ''}>
          <Flex vertical gap={4}>
            <Link to={`/ban/supervision/${a.task.id}`} data-testid="alert-task-link">{a.task.title}</Link>
            <span>{t('airwork.alert.assignmentStatus')}: {a.task.assignment ? t(`supervision.status.${a.task.assignment.status}` as 'supervision.status.assigned') : '—'}</span>
          </Flex>
        </Card>
      ) : null}
      {a.report ? (
        <Card size="small" title={t('airwork.alert.report')} data-testid="alert-report">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'found', label: t('airwork.report.found'), children: a.report.found },
              { key: 'action', label: t('airwork.report.action'), children: a.report.action },
              { key: 'type', label: t('airwork.report.measureType'), children: t(MEASURE_TYPE_KEYS[a.report.measureType]) },
              { key: 'at', label: t('airwork.col.first'), children: at(a.report.at) },
            ]}
          />
          <Flex gap={8} wrap>
            {a.report.photos.map((p) => (
              <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} />
            ))}
          </Flex>
        </Card>
      ) : null}
      {mine && a.status === 'dispatched' ? (
        <Card size="small" title={t('airwork.alert.report')}>
          <AlertReportForm
            alert={a}
            onDone={() => {
              announceWorkChanged();
              alert.reload();
            }}
          />
        </Card>
      ) : null}
    </Flex>
  );
}
