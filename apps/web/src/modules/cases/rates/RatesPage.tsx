import { useState } from 'react';
import { Breadcrumb, Card, Col, Flex, Row, Select, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { monthInZone, recentMonths } from '../../../shared/time.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { getUnit } from '../../org/index.ts';
import { getRates, type RatesLevel, type RatesRow } from '../api.ts';
import { RatesTable } from './RatesTable.tsx';
import { RatesChart } from './RatesChart.tsx';
import { RatesUnitCases } from './RatesUnitCases.tsx';

const LEVELS: readonly RatesLevel[] = ['district', 'street', 'agency'];

/**
 * 三率 league tables (京智): a month (default: this month in the city's time
 * zone), a level, and optionally a subtree. A district row drills down to its
 * streets (`?level=street&within=110105`); a street or agency row opens its
 * requests. The whole view is in the URL, so it can be shared.
 */
export function RatesPage() {
  const t = useT();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const [params, setParams] = useSearchParams();
  const thisMonth = monthInZone(new Date(), timeZone);
  const month = /^[0-9]{4}-[0-9]{2}$/.test(params.get('month') ?? '') ? params.get('month')! : thisMonth;
  const level = (LEVELS as readonly string[]).includes(params.get('level') ?? '') ? (params.get('level') as RatesLevel) : 'district';
  const within = level === 'district' ? undefined : (params.get('within') ?? undefined);
  const [picked, setPicked] = useState<{ code: string; name: string } | null>(null);

  const table = useAsync((signal) => getRates(month, level, within, signal), [month, level, within]);
  const withinUnit = useAsync((signal) => (within ? getUnit(within, signal) : Promise.resolve(null)), [within]);
  const go = (next: { month?: string; level?: RatesLevel; within?: string | null }) => {
    const p = { month: next.month ?? month, level: next.level ?? level, within: next.within === null ? undefined : (next.within ?? within) };
    setParams(Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Record<string, string>);
  };
  const pick = (row: RatesRow) => (level === 'district' ? go({ level: 'street', within: row.unit.code }) : setPicked(row.unit));
  const rows = table.data?.items ?? [];
  const w = table.data?.weights;

  return (
    <Flex vertical gap={16} data-testid="rates-page" data-month={month} data-level={level} data-within={within ?? ''}>
      <Card>
        <Flex wrap gap={12} align="center" justify="space-between">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('rates.title')}
          </Typography.Title>
          <Select
            data-testid="rates-month"
            aria-label={t('rates.month')}
            value={month}
            onChange={(m: string) => go({ month: m })}
            options={recentMonths(thisMonth, 24).map((m) => ({ value: m, label: m }))}
            style={{ width: 120 }}
          />
        </Flex>
        <Tabs
          activeKey={level}
          onChange={(k) => go({ level: k as RatesLevel, within: k === 'district' ? null : within })}
          items={LEVELS.map((l) => ({ key: l, label: <span data-testid={`rates-level-${l}`}>{t(`rates.level.${l}`)}</span> }))}
        />
        <Breadcrumb
          data-testid="rates-within"
          items={[
            { key: 'city', title: within ? <a onClick={() => go({ level: 'district', within: null })}>{t('rates.city')}</a> : t('rates.city') },
            ...(within ? [{ key: within, title: withinUnit.data?.name ?? within }] : []),
          ]}
        />
        {w ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('rates.weights', { r: w.response, s: w.resolution, m: w.satisfaction })} · {t(level === 'district' ? 'rates.hintDistrict' : 'rates.hintUnit')}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {table.error ? <ErrorAlert error={table.error} onRetry={table.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card>
            <RatesTable rows={rows} loading={table.loading} onPick={pick} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('rates.chart')}>
            {rows.some((r) => r.score !== null) ? null : <Typography.Text type="secondary">{t('rates.noData')}</Typography.Text>}
            <RatesChart rows={rows} onPick={(code) => { const row = rows.find((r) => r.unit.code === code); if (row) pick(row); }} />
          </Card>
        </Col>
      </Row>
      <RatesUnitCases unit={picked} month={month} onClose={() => setPicked(null)} />
    </Flex>
  );
}
