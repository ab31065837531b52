/**
 * The parts of ECharts the culture charts use, registered once. Imported only through
 * `echart.tsx`'s dynamic import, so ECharts (about half a megabyte) is fetched when a chart is
 * first shown, never as part of a page's own code.
 */
import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts the culture charts use, so the page does not ship all of ECharts.
echarts.use([BarChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, SVGRenderer]);

export { echarts };
