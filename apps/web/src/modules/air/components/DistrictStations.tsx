import type { HTMLAttributes } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import type { DistrictRankingRow, StationNow } from '../api.ts';
import { inLocale, textOn } from '../categories.ts';

/**
 * The drill-down under a district's ranking line: its stations with their own monthly PM2.5 and latest AQI;
 * picking one shows its calendar.
 */
export function DistrictStations({ row, latest, onPickStation, onClose }: { row: DistrictRankingRow; latest: StationNow[]; onPickStation(code: string): void; onClose(): void }) {
  const { t, locale } = useI18n();
  const now = new Map(latest.map((s) => [s.station.code, s]));
  return (
    <Card
      size="small"
      data-testid="air-district-stations"
      data-district={row.district.code}
      title={t('air.drill.title', { name: row.district.name })}
      extra={<Button size="small" onClick={onClose}>{t('air.drill.close')}</Button>}
    >
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={row.stations}
        onRow={(s) => ({ onClick: () => onPickStation(s.code), style: { cursor: 'pointer' }, 'data-testid': `air-drill-station-${s.code}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('air.drill.station'), dataIndex: 'name', key: 'name' },
          { title: t('air.rank.pm25'), key: 'pm25', render: (_, s) => (s.pm25 === null ? '—' : s.pm25.toFixed(1)) },
          { title: t('air.rank.validDays'), dataIndex: 'validDays', key: 'validDays' },
          {
            title: t('air.drill.latest'),
            key: 'now',
            render: (_, s) => {
              const n = now.get(s.code);
              return n?.category ? (
                <Tag color={n.category.colour} style={{ color: textOn(n.category.colour) }}>
                  {n.aqi} {inLocale(n.category.name, locale)}
                </Tag>
              ) : (
                '—'
              );
            },
          },
        ]}
      />
    </Card>
  );
}
