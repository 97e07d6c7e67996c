import { useEffect } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../../shared/i18n/index.ts';
import { useECharts } from '../../../shared/ui/useECharts.ts';
import type { Trend } from '../api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Monthly PM2.5 of the city (bold) and each district as lines; gaps where a month has no data. */
export function TrendChart({ trend }: { trend: Trend }) {
  const t = useT();
  const { ref, chart } = useECharts(() => {});
  useEffect(() => {
    chart.current?.setOption(
      {
        backgroundColor: 'transparent',
        textStyle: { color: '#c9d6ea' },
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', top: 0, textStyle: { color: '#c9d6ea' } },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: trend.months, axisLabel: { color: '#8ea3c2' } },
        yAxis: { type: 'value', name: 'µg/m³', splitLine: { lineStyle: { color: '#25324a' } }, axisLabel: { color: '#8ea3c2' } },
        series: trend.series.map((s, i) => ({
          type: 'line',
          name: s.area.name,
          data: s.pm25,
          connectNulls: false,
          symbolSize: 5,
          lineStyle: { width: i === 0 ? 3 : 1.5 },
        })),
      },
      true,
    );
  }, [trend]);
  return (
    <div data-testid="air-trend" data-series-count={trend.series.length} role="img" aria-label={t('air.trend.title')}>
      <div ref={ref} style={{ width: '100%', height: 280 }} />
    </div>
  );
}
