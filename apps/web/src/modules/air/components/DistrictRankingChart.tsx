import { useEffect, useMemo } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../../shared/i18n/index.ts';
import { useECharts } from '../../../shared/ui/useECharts.ts';
import type { DistrictRankingRow } from '../api.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const ROW_HEIGHT = 28;
export type RankingBy = 'pm25' | 'yoy';

/**
 * The month's district ranking as horizontal bars, rank 1 on top: PM2.5 (µg/m³) or the year-on-year change (%,
 * falls in green, rises in red). Ties share a rank, shown before the name. A click on a bar drills into the
 * district. `data-bar-count` says how many bars are drawn.
 */
export function DistrictRankingChart({ rows, by, onPick }: { rows: DistrictRankingRow[]; by: RankingBy; onPick(code: string): void }) {
  const t = useT();
  const { ref, chart } = useECharts(onPick);
  const ranked = useMemo(() => {
    const rankOf = (r: DistrictRankingRow) => (by === 'pm25' ? r.rank : r.yoyRank);
    return rows.filter((r) => rankOf(r) !== null).sort((a, b) => rankOf(b)! - rankOf(a)! || b.district.code.localeCompare(a.district.code));
  }, [rows, by]);

  useEffect(() => {
    const value = (r: DistrictRankingRow) => (by === 'pm25' ? r.pm25 : r.yoyChange) ?? 0;
    chart.current?.setOption(
      {
        backgroundColor: 'transparent',
        textStyle: { color: '#c9d6ea' },
        grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', splitLine: { lineStyle: { color: '#25324a' } }, axisLabel: { color: '#8ea3c2' } },
        yAxis: {
          type: 'category',
          data: ranked.map((r) => `${by === 'pm25' ? r.rank : r.yoyRank}. ${r.district.name}`),
          axisLabel: { color: '#c9d6ea' },
          axisLine: { lineStyle: { color: '#3a4b69' } },
        },
        series: [
          {
            type: 'bar',
            name: t(by === 'pm25' ? 'air.rank.pm25' : 'air.rank.yoy'),
            data: ranked.map((r) => ({
              value: value(r),
              code: r.district.code,
              itemStyle: { color: by === 'pm25' ? '#3f83e6' : value(r) <= 0 ? '#2fb36b' : '#e0533d' },
            })),
            label: { show: true, position: 'right', color: '#e8f1ff', formatter: (p: { value: number }) => (by === 'pm25' ? p.value.toFixed(1) : `${p.value > 0 ? '+' : ''}${p.value.toFixed(1)}%`) },
            barMaxWidth: 18,
          },
        ],
      },
      true,
    );
  }, [ranked, by, t]);

  return (
    <div data-testid="air-ranking-chart" data-bar-count={ranked.length} data-by={by} role="img" aria-label={t('air.rank.title')}>
      <div ref={ref} style={{ width: '100%', height: Math.max(140, ranked.length * ROW_HEIGHT + 24) }} />
    </div>
  );
}
