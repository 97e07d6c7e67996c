import { useState } from 'react';
import { Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { listAlerts, type AirAlert } from '../api.ts';
import { ALERT_KIND_KEYS, ALERT_STATUS_COLORS, ALERT_STATUS_KEYS } from '../labels.ts';
import { AlertsMap } from '../components/AlertsMap.tsx';

/** 一微克 alerts the caller may see (its scope, or its unit's), on a map and in a table. */
export function AirAlertsPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const alerts = useAsync((signal) => listAlerts(status, signal), [status]);
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0, marginInlineEnd: 'auto' }}>
          {t('airwork.alerts.title')}
        </Typography.Title>
        <Segmented
          data-testid="alerts-filter"
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`airwork.filter.${s}`) }))}
        />
      </Flex>
      {alerts.error ? <ErrorAlert error={alerts.error} onRetry={alerts.reload} /> : null}
      <Card size="small" title={t('airwork.alerts.map')}>
        <AlertsMap alerts={alerts.data ?? []} onOpen={(id) => navigate(`${basePath}/${id}`)} />
      </Card>
      <Table<AirAlert>
        data-testid="alerts-table"
        data-loading={String(alerts.loading)}
        rowKey="id"
        size="small"
        loading={alerts.loading}
        dataSource={alerts.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('airwork.alerts.empty') }}
        onRow={(a) => ({ 'data-testid': 'alert-row', 'data-id': a.id, 'data-status': a.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'device', title: t('airwork.col.device'), render: (_, a) => <Link to={`${basePath}/${a.id}`}>{a.device.code}</Link> },
          { key: 'kind', title: t('airwork.col.kind'), render: (_, a) => t(ALERT_KIND_KEYS[a.kind]) },
          { key: 'unit', title: t('airwork.col.unit'), render: (_, a) => a.unit.name },
          { key: 'first', title: t('airwork.col.first'), render: (_, a) => formatInstant(a.firstHour, locale, timeZone) },
          { key: 'peak', title: t('airwork.col.peak'), render: (_, a) => (a.peak === null ? '—' : a.peak.toFixed(0)) },
          { key: 'status', title: t('airwork.col.status'), render: (_, a) => <Tag color={ALERT_STATUS_COLORS[a.status]}>{t(ALERT_STATUS_KEYS[a.status])}</Tag> },
        ]}
      />
    </Flex>
  );
}
