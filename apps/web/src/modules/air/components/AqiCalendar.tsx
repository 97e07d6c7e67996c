import { useEffect, useMemo } from 'react';
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { CalendarComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useECharts } from '../../../shared/ui/useECharts.ts';
import type { AirDay } from '../api.ts';
import { AQI_LEVELS, inLocale } from '../categories.ts';

echarts.use([HeatmapChart, CalendarComponent, VisualMapComponent, TooltipComponent, CanvasRenderer]);

/**
 * A year of one station's daily AQI as a calendar heatmap in the official category colours; days without a
 * valid AQI stay empty. `data-day-count` is the number of days with an AQI.
 */
export function AqiCalendar({ year, days }: { year: number; days: AirDay[] }) {
  const { t, locale } = useI18n();
  const { ref, chart } = useECharts(() => {});
  const rated = useMemo(() => days.filter((d) => d.aqi !== null), [days]);

  useEffect(() => {
    const byDate = new Map(rated.map((d) => [d.date, d]));
    chart.current?.setOption(
      {
        backgroundColor: 'transparent',
        tooltip: {
          formatter: (p: { data: [string, number] }) => {
            const d = byDate.get(p.data[0]);
            return d ? `${d.date}<br/>AQI ${d.aqi} ${inLocale(d.category?.name, locale)}${d.primaryPollutants.length ? `<br/>${t('air.calendar.primary')}: ${d.primaryPollutants.join(', ')}` : ''}` : p.data[0];
          },
        },
        visualMap: {
          type: 'piecewise',
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          textStyle: { color: '#c9d6ea' },
          pieces: AQI_LEVELS.map((l) => ({ min: l.min, max: l.level === 6 ? 100000 : l.max, color: l.colour, label: t(l.label) })),
        },
        calendar: {
          range: String(year),
          top: 24,
          left: 36,
          right: 12,
          bottom: 48,
          cellSize: ['auto', 14],
          itemStyle: { color: '#101c2f', borderColor: '#0b1526', borderWidth: 1 },
          splitLine: { lineStyle: { color: '#3a4b69' } },
          yearLabel: { show: false },
          dayLabel: { color: '#8ea3c2', nameMap: locale === 'en' ? 'EN' : 'ZH', firstDay: 1 },
          monthLabel: { color: '#8ea3c2', nameMap: locale === 'en' ? 'EN' : 'ZH' },
        },
        series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: rated.map((d) => [d.date, d.aqi]) }],
      },
      true,
    );
  }, [rated, year, locale, t]);

  return (
    <div data-testid="air-calendar" data-day-count={rated.length} data-year={year} role="img" aria-label={t('air.calendar.title')}>
      <div ref={ref} style={{ width: '100%', height: 220 }} />
    </div>
  );
}
