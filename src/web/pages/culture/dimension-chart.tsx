import { useMemo } from 'react';
import type { HofstedeDimension } from '../../../culture/browser';
import { useT } from '../../i18n/use-t';
import { EChart, type ChartOption } from './echart';

export const DIMENSIONS: HofstedeDimension[] = ['pdi', 'idv', 'mas', 'uai', 'lto', 'ivr'];
const PALETTE = ['#4263eb', '#e8590c', '#0ca678', '#ae3ec9', '#f59f00', '#1098ad'];

export interface ChartCountry {
  code: string;
  name: string;
  hofstede: Record<HofstedeDimension, number>;
}

/**
 * The six Hofstede dimensions of several countries, as a radar (shape at a glance) or grouped
 * bars (exact comparison per dimension). Values are 0–100.
 */
export function DimensionChart({ countries, mode, height = 340 }: { countries: ChartCountry[]; mode: 'radar' | 'bar'; height?: number }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const labels = DIMENSIONS.map((d) => t(`culture.dim.${d}`));
    const legend = { bottom: 0, data: countries.map((c) => c.name) };
    if (mode === 'radar') {
      return {
        color: PALETTE,
        tooltip: { trigger: 'item' },
        legend,
        radar: { indicator: labels.map((name) => ({ name, max: 100 })), radius: '62%', center: ['50%', '46%'], axisName: { color: '#495057', fontSize: 11 } },
        series: [{
          type: 'radar',
          data: countries.map((c) => ({ name: c.name, value: DIMENSIONS.map((d) => c.hofstede[d]), areaStyle: { opacity: 0.12 }, symbolSize: 4 })),
        }],
      };
    }
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend,
      grid: { left: 36, right: 12, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 10, width: 80, overflow: 'break' } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: countries.map((c) => ({ type: 'bar', name: c.name, data: DIMENSIONS.map((d) => c.hofstede[d]), barMaxWidth: 18 })),
    };
  }, [countries, mode, t]);
  return <EChart option={option} height={height} testId={`dimension-chart-${mode}`} ariaLabel={t('culture.chart.aria', { countries: countries.map((c) => c.name).join(', ') })} />;
}
