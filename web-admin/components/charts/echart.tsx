'use client';

import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

import type { ChartOption } from './chart-options';

// Only what the console draws goes into the bundle; the canvas renderer lets saveAsImage write PNG.
use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, ToolboxComponent, TooltipComponent, CanvasRenderer]);

const firstOf = <T,>(value: T | T[] | undefined): T | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * One ECharts instance on a div, resized with its box and disposed on unmount. The axis
 * direction is written on the element (data-x-inverse, data-y-position) so a reader, or
 * a test, can tell a mirrored chart without reaching into the canvas.
 */
export function EChart({ option, label, height = 300 }: { option: ChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const xAxis = firstOf(option.xAxis) as { inverse?: boolean } | undefined;
  const yAxis = firstOf(option.yAxis) as { position?: string } | undefined;
  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-chart={label}
      data-x-inverse={xAxis ? String(!!xAxis.inverse) : undefined}
      data-y-position={yAxis?.position}
      style={{ width: '100%', height }}
    />
  );
}
