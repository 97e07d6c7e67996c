import { Table, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { formatPercent } from '../../../shared/format.ts';
import type { AreaAssessment, Assessment } from '../api.ts';

type Row = AreaAssessment & { key: string };
type Stat = AreaAssessment['pollutants']['pm25'];

/** A figure as reported, marked when the year's valid days fall short of HJ 663's coverage. */
function Figure({ value, stat }: { value: string | null; stat: Stat }) {
  const { t } = useI18n();
  if (value === null) return <>—</>;
  return stat.coverageMet ? (
    <>{value}</>
  ) : (
    <Tooltip title={t('air.assess.coverageShort', { days: stat.validDays })}>
      <span style={{ opacity: 0.75 }}>{value}*</span>
    </Tooltip>
  );
}

/**
 * The annual assessment (HJ 663 / GB 3095) of the city and each district: annual means, the percentiles each
 * pollutant is judged by, valid days, good days and their share. `*` marks figures below the coverage rule.
 */
export function AssessmentTable({ data }: { data: Assessment }) {
  const { t, locale } = useI18n();
  const rows: Row[] = [{ ...data.city, key: data.city.area.code }, ...data.districts.map((d) => ({ ...d, key: d.area.code }))];
  const mean = (p: keyof Row['pollutants']) => ({
    title: t(`air.assess.mean.${p}`),
    key: `${p}-mean`,
    render: (_: unknown, r: Row) => <Figure value={r.pollutants[p].meanReported} stat={r.pollutants[p]} />,
  });
  const pct = (p: keyof Row['pollutants']) => ({
    title: t(`air.assess.pct.${p}`),
    key: `${p}-pct`,
    render: (_: unknown, r: Row) => <Figure value={r.pollutants[p].percentile.reported} stat={r.pollutants[p]} />,
  });
  return (
    <Table<Row>
      data-testid="air-assessment"
      data-count={rows.length}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[
        {
          title: t('air.assess.area'),
          key: 'area',
          fixed: 'left',
          render: (_, r) => (r.key === data.city.area.code ? <strong>{r.area.name}</strong> : r.area.name),
        },
        { title: t('air.assess.stations'), dataIndex: 'stations', key: 'stations' },
        mean('pm25'),
        pct('pm25'),
        mean('pm10'),
        mean('so2'),
        mean('no2'),
        pct('co'),
        pct('o3'),
        { title: t('air.assess.validDays'), key: 'valid', render: (_, r) => r.pollutants.pm25.validDays },
        { title: t('air.assess.goodDays'), key: 'good', render: (_, r) => `${r.days.goodDays} / ${r.days.ratedDays}` },
        { title: t('air.assess.goodShare'), key: 'share', render: (_, r) => formatPercent(r.days.goodDayShare, locale) },
        { title: t('air.assess.heavyDays'), key: 'heavy', render: (_, r) => r.days.heavyPollutionDays },
        {
          title: t('air.assess.standard'),
          key: 'std',
          render: (_, r) => r.days.standardsUsed.map((s) => <Tag key={s}>{s}</Tag>),
        },
      ]}
    />
  );
}
