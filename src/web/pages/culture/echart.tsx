import { Skeleton } from '@mantine/core';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export type ChartOption = EChartsCoreOption;

// ECharts arrives on demand (see echarts-runtime.ts): the page around a chart shows at once.
const loadECharts = () => import('./echarts-runtime');

/**
 * A minimal React host for an ECharts chart: creates it once, applies option changes in
 * place and follows the container's size, so charts reflow with the layout (and in RTL).
 * Until ECharts has loaded, a still placeholder of the same size keeps the layout steady.
 */
export function EChart({ option, height = 320, testId, ariaLabel }: { option: ChartOption; height?: number; testId?: string; ariaLabel?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void loadECharts().then(({ echarts }) => {
      const element = ref.current;
      if (disposed || !element) return;
      const instance = echarts.init(element, undefined, { renderer: 'svg' });
      instance.setOption(latest.current, { notMerge: true });
      chart.current = instance;
      const observer = new ResizeObserver(() => instance.resize());
      observer.observe(element);
      cleanup = () => {
        observer.disconnect();
        instance.dispose();
        chart.current = null;
      };
      setReady(true);
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div ref={ref} style={{ width: '100%', height }} data-testid={testId} role="img" aria-label={ariaLabel} aria-busy={!ready} dir="ltr" />
      {!ready && <Skeleton pos="absolute" inset={0} radius="md" animate={false} opacity={0.4} />}
    </div>
  );
}
