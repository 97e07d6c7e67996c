import { useMemo } from 'react';
import { Card, Col, Flex, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { useCityBoundaries, type CityMap } from '../../geo/index.ts';
import { getAssessment, getDaily, getDistrictRanking, getLatest, getMonths, getStreetRanking, getTrend } from '../api.ts';
import { AQI_LEVELS, inLocale, textOn } from '../categories.ts';
import { AqiCalendar } from '../components/AqiCalendar.tsx';
import { AssessmentTable } from '../components/AssessmentTable.tsx';
import { DistrictRankingChart, type RankingBy } from '../components/DistrictRankingChart.tsx';
import { DistrictStations } from '../components/DistrictStations.tsx';
import { StationsMap } from '../components/StationsMap.tsx';
import { TrendChart } from '../components/TrendChart.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const TREND_MONTHS = 24;

/** `YYYY-MM` shifted by `delta` months. */
function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * 一微克 in 京智: stations on a map in their AQI colours, the month's district ranking (PM2.5 or year-on-year)
 * with a drill-down to a district's stations, a station's year as a calendar of daily AQI, monthly trends, the
 * street ranking from micro-sensors and the annual assessment. The view is in the URL
 * (`?month=2017-01&by=yoy&district=110105&station=Dongsi&year=2016`).
 */
export function AirDashboardPage() {
  const city = useCityBoundaries();
  const months = useAsync((signal) => getMonths(signal), []);
  const error = city.error ?? months.error;
  if (error) return <ErrorAlert error={error} onRetry={() => (city.reload(), months.reload())} />;
  if (!city.data || !months.data) return <PageLoading />;
  return <Dashboard city={city.data} months={months.data} />;
}

function Dashboard({ city, months }: { city: CityMap; months: string[] }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('month') ?? '';
  const month = MONTH.test(wanted) ? wanted : (months.at(-1) ?? null);
  const by: RankingBy = params.get('by') === 'yoy' ? 'yoy' : 'pm25';
  const district = params.get('district');
  const years = useMemo(() => [...new Set(months.map((m) => Number(m.slice(0, 4))))], [months]);
  const year = Number(params.get('year')) || (month ? Number(month.slice(0, 4)) : new Date().getFullYear());
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) (v === null ? p.delete(k) : p.set(k, v));
    setParams(p, { replace: true });
  };

  const latest = useAsync((signal) => getLatest(signal), []);
  const ranking = useAsync((signal) => getDistrictRanking(month ?? undefined, signal), [month]);
  const streets = useAsync((signal) => getStreetRanking(month ?? undefined, district ?? undefined, signal), [month, district]);
  const trendFrom = month ? [months[0] ?? month, shiftMonth(month, 1 - TREND_MONTHS)].sort().at(-1)! : null;
  const trend = useAsync((signal) => (month && trendFrom ? getTrend(trendFrom, month, signal) : Promise.resolve(null)), [trendFrom, month]);
  const assessment = useAsync((signal) => getAssessment(year, signal), [year]);
  const stations = useMemo(() => [...(latest.data ?? [])].sort((a, b) => a.station.code.localeCompare(b.station.code)), [latest.data]);
  const station = params.get('station') ?? stations[0]?.station.code ?? null;
  const daily = useAsync((signal) => (station ? getDaily(station, `${year}-01-01`, `${year}-12-31`, signal) : Promise.resolve([])), [station, year]);
  const drilled = ranking.data?.items.find((r) => r.district.code === district) ?? null;

  return (
    <Flex vertical gap={16} data-testid="air-dashboard" data-month={month ?? ''}>
      <Card size="small">
        <Flex wrap gap={12} align="center" justify="space-between">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('air.title')}
          </Typography.Title>
          <Space wrap>
            <Select
              data-testid="air-month"
              aria-label={t('air.month')}
              value={month ?? undefined}
              onChange={(m: string) => set({ month: m, year: m.slice(0, 4) })}
              options={[...months].reverse().map((m) => ({ value: m, label: m }))}
              style={{ width: 120 }}
            />
          </Space>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('air.attribution')}
        </Typography.Paragraph>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t('air.map.title')}
            styles={{ body: { padding: 8, height: 'clamp(340px, 55vh, 520px)' } }}
          >
            {latest.error ? (
              <ErrorAlert error={latest.error} onRetry={latest.reload} />
            ) : latest.data ? (
              <StationsMap
                stations={latest.data}
                districts={city.boundaries}
                styleUrl={city.config.mapStyleUrl}
                center={city.config.center}
                highlight={district}
                onPickStation={(code) => set({ station: code })}
              />
            ) : (
              <PageLoading />
            )}
          </Card>
          <Flex wrap gap={4} align="center" style={{ marginTop: 8 }} data-testid="air-legend">
            {AQI_LEVELS.map((l) => (
              <span key={l.level} style={{ background: l.colour, color: textOn(l.colour), borderRadius: 4, padding: '0 6px', fontSize: 12, lineHeight: '20px' }}>
                {t(l.label)}
              </span>
            ))}
            {latest.data?.some((s) => s.time) ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }} data-testid="air-map-time">
                {t('air.map.latest', { time: latest.data.map((s) => s.time ?? '').sort().at(-1)!.slice(0, 16).replace('T', ' ') })}
              </Typography.Text>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t('air.rank.title')}
            extra={
              <Segmented
                size="small"
                value={by}
                onChange={(v) => set({ by: v === 'yoy' ? 'yoy' : null })}
                options={[
                  { value: 'pm25', label: <span data-testid="air-by-pm25">{t('air.rank.byPm25')}</span> },
                  { value: 'yoy', label: <span data-testid="air-by-yoy">{t('air.rank.byYoy')}</span> },
                ]}
              />
            }
          >
            {ranking.error ? <ErrorAlert error={ranking.error} onRetry={ranking.reload} /> : null}
            {ranking.data ? (
              <>
                <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 12 }}>
                  {t(by === 'pm25' ? 'air.rank.hintPm25' : 'air.rank.hintYoy', { month: ranking.data.month, last: ranking.data.lastYearMonth })}
                </Typography.Paragraph>
                <DistrictRankingChart rows={ranking.data.items} by={by} onPick={(code) => set({ district: code })} />
                {ranking.data.items.some((r) => (by === 'pm25' ? r.rank : r.yoyRank) === null) ? (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }} data-testid="air-unranked">
                    {t('air.rank.unranked', {
                      names: ranking.data.items
                        .filter((r) => (by === 'pm25' ? r.rank : r.yoyRank) === null)
                        .map((r) => r.district.name)
                        .join('、'),
                    })}
                  </Typography.Paragraph>
                ) : null}
              </>
            ) : ranking.loading ? (
              <PageLoading />
            ) : null}
          </Card>
        </Col>
      </Row>

      {drilled ? <DistrictStations row={drilled} latest={latest.data ?? []} onPickStation={(code) => set({ station: code })} onClose={() => set({ district: null })} /> : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t('air.calendar.title')}
            extra={
              <Space wrap>
                <Select
                  data-testid="air-station"
                  aria-label={t('air.calendar.station')}
                  value={station ?? undefined}
                  onChange={(code: string) => set({ station: code })}
                  options={stations.map((s) => ({ value: s.station.code, label: `${s.station.name}${s.station.district ? ` · ${s.station.district.name}` : ''}` }))}
                  style={{ width: 200 }}
                  showSearch
                  optionFilterProp="label"
                />
                <Select data-testid="air-year" aria-label={t('air.year')} value={year} onChange={(y: number) => set({ year: String(y) })} options={years.map((y) => ({ value: y, label: y }))} style={{ width: 90 }} />
              </Space>
            }
          >
            {daily.error ? <ErrorAlert error={daily.error} onRetry={daily.reload} /> : daily.data ? <AqiCalendar year={year} days={daily.data} /> : <PageLoading />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('air.trend.title')}>
            {trend.error ? <ErrorAlert error={trend.error} onRetry={trend.reload} /> : trend.data ? <TrendChart trend={trend.data} /> : <PageLoading />}
          </Card>
        </Col>
      </Row>

      <Card title={t('air.streets.title')} data-testid="air-streets" data-count={streets.data?.items.length ?? 0}>
        {streets.error ? (
          <ErrorAlert error={streets.error} onRetry={streets.reload} />
        ) : streets.data && streets.data.items.length === 0 ? (
          <Typography.Text type="secondary">{t('air.streets.none')}</Typography.Text>
        ) : (
          <Table
            size="small"
            loading={streets.loading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            rowKey={(r) => r.street.code}
            dataSource={streets.data?.items ?? []}
            columns={[
              { title: t('air.rank.rank'), key: 'rank', render: (_, r) => r.rank ?? '—' },
              { title: t('air.streets.street'), key: 'street', render: (_, r) => `${r.street.name}${r.district ? ` · ${r.district.name}` : ''}` },
              { title: t('air.rank.pm25'), key: 'pm25', render: (_, r) => (r.pm25 === null ? '—' : r.pm25.toFixed(1)) },
              { title: t('air.streets.devices'), dataIndex: 'devices', key: 'devices' },
              { title: t('air.rank.validDays'), dataIndex: 'validDays', key: 'validDays' },
            ]}
          />
        )}
      </Card>

      <Card title={t('air.assess.title', { year })} extra={<Select aria-label={t('air.year')} value={year} onChange={(y: number) => set({ year: String(y) })} options={years.map((y) => ({ value: y, label: y }))} style={{ width: 90 }} />}>
        {assessment.error ? (
          <ErrorAlert error={assessment.error} onRetry={assessment.reload} />
        ) : assessment.data ? (
          <>
            {assessment.data.note ? (
              <Typography.Paragraph type="warning" data-testid="air-assessment-note">
                {inLocale(assessment.data.note, locale)}
              </Typography.Paragraph>
            ) : null}
            <AssessmentTable data={assessment.data} />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('air.assess.hint')}
            </Typography.Paragraph>
          </>
        ) : (
          <PageLoading />
        )}
      </Card>
    </Flex>
  );
}
