import { useMemo, useState } from 'react';
import { Button, Card, Col, Flex, Input, Row, Select, Statistic, Typography } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { briefUrl, getReductions, listStations } from '../api.ts';
import { signed } from '../labels.ts';
import { ReductionChart } from '../components/ReductionChart.tsx';

/**
 * 京智: what a period achieved at a station — the weather-normalised change and the difference in
 * differences against other stations, each with its 95 % interval — and the district monthly brief.
 */
export function ReductionsPage() {
  const t = useT();
  const stations = useAsync((signal) => listStations(signal), []);
  const [query, setQuery] = useState({ station: 'Aotizhongxin', from: '2017-01-16', to: '2017-02-15' });
  const [draft, setDraft] = useState(query);
  const estimate = useAsync((signal) => getReductions({ ...query, pollutant: 'pm25' }, signal), [query]);
  const districts = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of stations.data ?? []) if (s.district) m.set(s.district.code, s.district.name);
    return [...m].map(([code, name]) => ({ value: code, label: name }));
  }, [stations.data]);
  const [district, setDistrict] = useState('110105');
  const [month, setMonth] = useState('2017-01');
  const e = estimate.data;
  const d = e?.deweathered;
  const did = e?.did;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('airwork.reductions.title')}</Typography.Title>
      <Card size="small">
        <Flex gap={12} wrap align="end">
          <label>
            <div>{t('airwork.reductions.station')}</div>
            <Select style={{ minWidth: 180 }} value={draft.station} onChange={(station) => setDraft({ ...draft, station })} data-testid="reduction-station" options={(stations.data ?? []).map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }))} />
          </label>
          <label>
            <div>{t('airwork.reductions.from')}</div>
            <Input type="date" value={draft.from} onChange={(ev) => setDraft({ ...draft, from: ev.target.value })} data-testid="reduction-from" />
          </label>
          <label>
            <div>{t('airwork.reductions.to')}</div>
            <Input type="date" value={draft.to} onChange={(ev) => setDraft({ ...draft, to: ev.target.value })} data-testid="reduction-to" />
          </label>
          <Button type="primary" onClick={() => setQuery(draft)} data-testid="reduction-run">{t('airwork.reductions.estimate')}</Button>
        </Flex>
      </Card>
      {estimate.error ? <ErrorAlert error={estimate.error} onRetry={estimate.reload} /> : null}
      {estimate.loading && !e ? <PageLoading /> : null}
      {e ? (
        <div data-testid="reduction-result" data-loading={String(estimate.loading)}>
          <Typography.Paragraph type="secondary">{t('airwork.reductions.baseline', { from: e.before.from, to: e.before.to, from2: e.after.from, to2: e.after.to })}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('airwork.reductions.deweathered')} data-testid="reduction-deweathered">
                {d ? (
                  <>
                    <Statistic value={signed(d.change)} suffix="µg/m³" />
                    <div data-testid="reduction-deweathered-ci" data-low={d.ci95[0]} data-high={d.ci95[1]}>{t('airwork.reductions.ci', { lo: signed(d.ci95[0]), hi: signed(d.ci95[1]) })}</div>
                    <Typography.Text type="secondary">{t('airwork.reductions.raw', { raw: signed(d.rawChange), weather: signed(d.weatherEffect) })}</Typography.Text>
                  </>
                ) : (
                  <Typography.Text type="warning">{t('airwork.reductions.unavailable', { reason: e.deweatheredError ?? '' })}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('airwork.reductions.did')} data-testid="reduction-did">
                {did ? (
                  <>
                    <Statistic value={signed(did.estimate)} suffix="µg/m³" />
                    <div data-testid="reduction-did-ci">{t('airwork.reductions.ci', { lo: signed(did.ci95[0]), hi: signed(did.ci95[1]) })}</div>
                    <Typography.Text type="secondary">{t('airwork.reductions.controls', { n: did.controls.length, trend: did.preTrend ? signed(did.preTrend.perMonth) : '—' })}</Typography.Text>
                  </>
                ) : (
                  <Typography.Text type="warning">{t('airwork.reductions.unavailable', { reason: e.didError ?? '' })}</Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          {d ? <Card size="small" style={{ marginTop: 16 }}><ReductionChart series={d.series} start={e.after.from} /></Card> : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('airwork.reductions.note')}</Typography.Paragraph>
        </div>
      ) : null}
      <Card size="small" title={t('airwork.brief.title')}>
        <Flex gap={12} wrap align="end">
          <label>
            <div>{t('airwork.brief.district')}</div>
            <Select style={{ minWidth: 140 }} value={district} onChange={setDistrict} options={districts} data-testid="brief-district" />
          </label>
          <label>
            <div>{t('airwork.brief.month')}</div>
            <Input type="month" value={month} onChange={(ev) => setMonth(ev.target.value)} data-testid="brief-month" />
          </label>
          <a href={briefUrl(district, month)} download data-testid="brief-download">{t('airwork.brief.download')}</a>
        </Flex>
      </Card>
    </Flex>
  );
}
