import { useEffect, useRef, type RefObject } from 'react';
import * as echarts from 'echarts/core';

/**
 * An ECharts instance on a div, resized with its box and disposed with the
 * component. A click on a data item whose data carries a `code` calls
 * `onPick(code)` (the latest `onPick`, so a new callback does not rebuild the
 * chart). Register the chart types you use with `echarts.use` beside the component.
 *
 * @example
 * const { ref, chart } = useECharts(onSelect);
 * useEffect(() => chart.current?.setOption(option, true), [option]);
 * return <div ref={ref} style={{ height: 300 }} />;
 */
export function useECharts(onPick: (code: string) => void): { ref: RefObject<HTMLDivElement | null>; chart: RefObject<echarts.ECharts | null> } {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const code = (params.data as { code?: string } | undefined)?.code;
      if (code) onPickRef.current(code);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  return { ref, chart };
}
