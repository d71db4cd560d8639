import { BarChart, GaugeChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';

// Only the chart kinds the Reports page draws (tree-shaken), rendered as SVG.
echarts.use([LineChart, BarChart, PieChart, HeatmapChart, GaugeChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, AriaComponent, SVGRenderer]);

export interface ChartClick {
  name?: string;
  seriesName?: string;
  data?: unknown;
}

/** One Apache ECharts chart. The picture is for the eye; each card also has the same figures as a table. */
export function Chart({ option, height = 260, onClick, testId }: { option: EChartsOption; height?: number; onClick?: (e: ChartClick) => void; testId: string }) {
  return (
    <div aria-hidden="true" data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ aria: { enabled: false }, animation: false, ...option }}
        notMerge
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }}
        onEvents={onClick ? { click: onClick } : undefined}
      />
    </div>
  );
}
