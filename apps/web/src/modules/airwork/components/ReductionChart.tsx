import { useEffect, useMemo } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../../shared/i18n/index.ts';
import { useECharts } from '../../../shared/ui/useECharts.ts';
import type { ReductionEstimate } from '../api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

type Series = NonNullable<ReductionEstimate['deweathered']>['series'];

/** Daily observed means, the same with the weather's effect removed, and the normalised level with its 95 % band. */
export function ReductionChart({ series, start }: { series: Series; start: string }) {
  const t = useT();
  const { ref, chart } = useECharts(() => {});
  const option = useMemo(() => {
    const r1 = (v: number) => Math.round(v * 10) / 10;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: '#c9d1d9' } },
      grid: { left: 44, right: 12, top: 34, bottom: 30 },
      xAxis: { type: 'category', data: series.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', name: 'µg/m³' },
      series: [
        { name: t('airwork.reductions.observed'), type: 'line', data: series.map((d) => r1(d.observed)), symbol: 'none', lineStyle: { width: 1, color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } },
        {
          name: t('airwork.reductions.adjusted'),
          type: 'line',
          data: series.map((d) => r1(d.adjusted)),
          symbol: 'none',
          lineStyle: { width: 1.5, color: '#3f83e6' },
          itemStyle: { color: '#3f83e6' },
          markLine: { symbol: 'none', data: [{ xAxis: start.slice(5) }], lineStyle: { color: '#faad14' } },
        },
        // The band: the lower edge, then the width stacked on it as a filled area.
        { name: t('airwork.reductions.band'), type: 'line', stack: 'band', data: series.map((d) => r1(d.low)), symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: '#52c41a' } },
        { name: t('airwork.reductions.band'), type: 'line', stack: 'band', data: series.map((d) => r1(d.high - d.low)), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(82,196,26,0.3)' }, itemStyle: { color: '#52c41a' } },
        { name: t('airwork.reductions.normalised'), type: 'line', data: series.map((d) => r1(d.normalised)), symbol: 'none', lineStyle: { width: 2, color: '#52c41a' }, itemStyle: { color: '#52c41a' } },
      ],
    };
  }, [series, start, t]);
  useEffect(() => chart.current?.setOption(option, true), [option, chart]);
  return <div ref={ref} data-testid="reduction-chart" data-days={series.length} style={{ height: 300 }} />;
}
