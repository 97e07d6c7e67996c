import { useEffect } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../../shared/i18n/index.ts';
import { useECharts } from '../../../shared/ui/useECharts.ts';
import type { SubdivisionCount } from '../hooks/useSubdivisionCounts.ts';

// Only the parts of ECharts this chart uses, to keep the Zhi chunk small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const ROW_HEIGHT = 26;

/**
 * 各区街道（乡镇）数量: a horizontal bar per district (horizontal, so 16 names
 * stay readable on a phone). Clicking a bar selects the district. The wrapper
 * carries `data-bar-count` once drawn.
 */
export function SubdivisionChart({ rows, selected, onSelect }: { rows: SubdivisionCount[]; selected: string | null; onSelect(code: string): void }) {
  const t = useT();
  const { ref, chart: chartRef } = useECharts(onSelect);

  useEffect(() => {
    // Largest at the top: ECharts draws category axes bottom-up.
    const sorted = [...rows].sort((a, b) => a.streets - b.streets);
    chartRef.current?.setOption(
      {
        backgroundColor: 'transparent',
        textStyle: { color: '#c9d6ea' },
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#25324a' } }, axisLabel: { color: '#8ea3c2' } },
        yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { color: '#c9d6ea' }, axisLine: { lineStyle: { color: '#3a4b69' } } },
        series: [
          {
            type: 'bar',
            name: t('zhi.chart.series'),
            data: sorted.map((r) => ({
              value: r.streets,
              code: r.code,
              itemStyle: { color: r.code === selected ? '#f0a73a' : '#3f83e6' },
            })),
            label: { show: true, position: 'right', color: '#e8f1ff' },
            barMaxWidth: 18,
          },
        ],
      },
      true,
    );
  }, [rows, selected, t]);

  return (
    <div data-testid="zhi-chart" data-bar-count={rows.length} role="img" aria-label={t('zhi.chart.title')}>
      <div ref={ref} style={{ width: '100%', height: Math.max(200, rows.length * ROW_HEIGHT + 24) }} />
    </div>
  );
}
