import { useMemo } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useClientConfig } from '../../../shared/clientConfig.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { getBoundaries } from '../api.ts';
import { DistrictMap } from '../components/DistrictMap.tsx';
import { DistrictInfoPanel, type DistrictRef } from '../components/DistrictInfoPanel.tsx';
import { SubdivisionChart } from '../components/SubdivisionChart.tsx';
import { useSubdivisionCounts } from '../hooks/useSubdivisionCounts.ts';

/**
 * 京智 district overview: the districts on a map, the selected district's
 * facts, and the number of 街道/乡镇 per district. The selection is in the URL
 * (`?district=110105`), so a view can be shared.
 */
export function DistrictDashboardPage() {
  const config = useClientConfig();
  if (config.error) return <ErrorAlert error={config.error} onRetry={config.reload} />;
  if (!config.data) return <PageLoading />;
  return <Dashboard cityCode={config.data.cityCode} styleUrl={config.data.mapStyleUrl} center={config.data.center} />;
}

function Dashboard({ cityCode, styleUrl, center }: { cityCode: string; styleUrl: string | null; center: [number, number] }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const selected = params.get('district');
  const select = (code: string) => setParams({ district: code }, { replace: true });
  const boundaries = useAsync((signal) => getBoundaries(cityCode, signal), [cityCode]);
  const counts = useSubdivisionCounts(cityCode);

  const districts = useMemo<DistrictRef[]>(
    () =>
      (boundaries.data?.features ?? [])
        .map((f) => ({ code: f.properties.code, name: f.properties.name }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    [boundaries.data],
  );
  const totalStreets = counts.data?.reduce((sum, r) => sum + r.streets, 0);

  return (
    <Row gutter={[16, 16]} data-testid="zhi-dashboard">
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('zhi.kpi.districts')} value={districts.length} loading={boundaries.loading} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('zhi.kpi.streets')} value={totalStreets ?? 0} loading={counts.loading} />
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card title={t('zhi.map.title')} styles={{ body: { padding: 8, height: 'clamp(340px, 60vh, 560px)' } }}>
          {boundaries.error ? (
            <ErrorAlert error={boundaries.error} onRetry={boundaries.reload} />
          ) : boundaries.data ? (
            <DistrictMap data={boundaries.data} styleUrl={styleUrl} center={center} selected={selected} onSelect={select} />
          ) : (
            <PageLoading />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <DistrictInfoPanel districts={districts} selected={selected} onSelect={select} />
      </Col>
      <Col xs={24}>
        <Card title={t('zhi.chart.title')}>
          {counts.error ? (
            <ErrorAlert error={counts.error} onRetry={counts.reload} />
          ) : counts.data ? (
            <SubdivisionChart rows={counts.data} selected={selected} onSelect={select} />
          ) : (
            <PageLoading />
          )}
        </Card>
      </Col>
    </Row>
  );
}
