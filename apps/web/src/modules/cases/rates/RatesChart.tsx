import { useEffect, useMemo } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../../shared/i18n/index.ts';
import { useECharts } from '../../../shared/ui/useECharts.ts';
import type { RatesRow } from '../api.ts';

// Only the parts of ECharts this chart uses.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const ROW_HEIGHT = 26;

/**
 * The weighted scores as horizontal bars, best at the top; units without
 * requests are left out. Clicking a bar picks the unit. `data-bar-count` says how many bars are drawn.
 */
export function RatesChart({ rows, onPick }: { rows: RatesRow[]; onPick(code: string): void }) {
  const t = useT();
  const { ref, chart: chartRef } = useECharts(onPick);
  const scored = useMemo(() => rows.filter((r) => r.score !== null), [rows]);

  useEffect(() => {
    // ECharts draws category axes bottom-up: the best goes last to sit on top.
    const sorted = [...scored].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
    chartRef.current?.setOption(
      {
        backgroundColor: 'transparent',
        textStyle: { color: '#c9d6ea' },
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#25324a' } }, axisLabel: { color: '#8ea3c2' } },
        yAxis: { type: 'category', data: sorted.map((r) => r.unit.name), axisLabel: { color: '#c9d6ea' }, axisLine: { lineStyle: { color: '#3a4b69' } } },
        series: [
          {
            type: 'bar',
            name: t('rates.chart'),
            data: sorted.map((r) => ({ value: r.score, code: r.unit.code, itemStyle: { color: r.rank === 1 ? '#f0a73a' : '#3f83e6' } })),
            label: { show: true, position: 'right', color: '#e8f1ff', formatter: (p: { value: number }) => p.value.toFixed(1) },
            barMaxWidth: 18,
          },
        ],
      },
      true,
    );
  }, [scored, t]);

  return (
    <div data-testid="rates-chart" data-bar-count={scored.length} role="img" aria-label={t('rates.chart')}>
      <div ref={ref} style={{ width: '100%', height: Math.max(120, scored.length * ROW_HEIGHT + 24) }} />
    </div>
  );
}
