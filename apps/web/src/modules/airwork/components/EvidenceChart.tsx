import { useEffect, useMemo } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../../shared/i18n/index.ts';
import { useECharts } from '../../../shared/ui/useECharts.ts';
import type { AirAlertDetail } from '../api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The alert's evidence: the device's hourly values (bad hours marked red) and the neighbours' median. */
export function EvidenceChart({ hours, timeZone }: { hours: AirAlertDetail['hours']; timeZone: string }) {
  const t = useT();
  const { ref, chart } = useECharts(() => {});
  const option = useMemo(() => {
    const label = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', hour12: false }).format(new Date(iso));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 12, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: hours.map((h) => label(h.time)) },
      yAxis: { type: 'value', name: 'µg/m³' },
      series: [
        {
          name: t('airwork.alert.value'),
          type: 'line',
          data: hours.map((h) => ({ value: h.value, itemStyle: { color: h.verdict === 'bad' ? '#cf1322' : '#1677ff' } })),
          lineStyle: { color: '#1677ff' },
          symbolSize: 6,
          showSymbol: true,
        },
        { name: t('airwork.alert.baseline'), type: 'line', data: hours.map((h) => h.baseline), lineStyle: { type: 'dashed', color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' }, symbol: 'none' },
      ],
    };
  }, [hours, timeZone, t]);
  useEffect(() => chart.current?.setOption(option, true), [option, chart]);
  return <div ref={ref} data-testid="alert-evidence" data-hours={hours.length} style={{ height: 260 }} />;
}
