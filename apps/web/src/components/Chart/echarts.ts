// Only the parts of ECharts the app draws with, so the chunk stays small; a new kind of chart
// adds its piece here. Loaded on first use by Chart/index.vue, never with the first screen.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
