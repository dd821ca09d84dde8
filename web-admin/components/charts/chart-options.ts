import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

/** The option shapes the console's charts use (tree-shaken: only these series and components are registered). */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | ToolboxComponentOption
  | TooltipComponentOption
>;

/** How a chart reads: the text direction, value formatting and the PNG export's title and file name. */
export interface ChartFrame {
  rtl: boolean;
  /** Formats a value for tooltips and axis labels (Intl, in the viewer's locale). */
  format: (value: number) => string;
  /** Short form for axis labels (compact notation). */
  formatAxis?: (value: number) => string;
  saveAsImageTitle: string;
  fileName: string;
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/**
 * Legend, toolbox and tooltip placed for the reading direction: in Arabic the legend
 * starts at the right and the PNG button sits at the left, as the page itself mirrors.
 */
function frameOption(frame: ChartFrame): ChartOption {
  const start = frame.rtl ? 'right' : 'left';
  const end = frame.rtl ? 'left' : 'right';
  return {
    legend: { top: 0, [start]: 0, type: 'scroll' },
    toolbox: {
      top: 0,
      [end]: 0,
      feature: { saveAsImage: { type: 'png', title: frame.saveAsImageTitle, name: frame.fileName, pixelRatio: 2 } },
    },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? frame.format(value) : String(value ?? '')),
    },
  };
}

/**
 * A line (time dimensions) or bar chart over categories. Mirrored for right-to-left
 * reading: the category axis runs from the right (inverse) and the value axis stands on the right.
 */
export function seriesChartOption(
  kind: 'line' | 'bar',
  categories: string[],
  series: ChartSeries[],
  frame: ChartFrame,
): ChartOption {
  return {
    ...frameOption(frame),
    grid: { top: 40, bottom: 8, left: 8, right: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, inverse: frame.rtl, boundaryGap: kind === 'bar' },
    yAxis: {
      type: 'value',
      position: frame.rtl ? 'right' : 'left',
      axisLabel: { formatter: (value: number) => (frame.formatAxis ?? frame.format)(value) },
    },
    series: series.map((entry, index) =>
      kind === 'line'
        ? {
            type: 'line',
            name: entry.name,
            data: entry.values,
            showSymbol: categories.length <= 31,
            // The comparison line is dashed so the current period reads first.
            lineStyle: index > 0 ? { type: 'dashed' } : undefined,
          }
        : { type: 'bar', name: entry.name, data: entry.values },
    ),
  };
}

/** A pie of shares; its legend and labels follow the reading direction. */
export function pieChartOption(slices: { name: string; value: number }[], frame: ChartFrame): ChartOption {
  const base = frameOption(frame);
  return {
    ...base,
    legend: { ...(base.legend as LegendComponentOption), top: undefined, bottom: 0 },
    tooltip: { trigger: 'item', valueFormatter: (value) => (typeof value === 'number' ? frame.format(value) : '') },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '48%'],
        data: slices,
        label: { formatter: '{b}: {d}%' },
      },
    ],
  };
}
