import type { Locator, Page } from 'playwright-core';

/** How a chart says it is laid out (web-admin components/charts/echart.tsx writes it from the option it draws). */
export interface ChartLayout {
  xInverse: string | null;
  yPosition: string | null;
  canvases: number;
}

/** The console's home dashboard (web-admin `/`). */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/', baseUrl).toString());
    await this.page.getByTestId('dashboard-grid').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  /** A tile by name (todo, today, thisWeek, trend, channels, topProducts, slowMovers, stockCover). */
  tile(name: string): Locator {
    return this.page.getByTestId(`tile-${name}`);
  }

  /** The chart in a tile once ECharts has drawn it (its canvas is in place). */
  async chartLayout(tile: string): Promise<ChartLayout> {
    const chart = this.tile(tile).locator('[data-chart]');
    await chart.locator('canvas').first().waitFor();
    return {
      xInverse: await chart.getAttribute('data-x-inverse'),
      yPosition: await chart.getAttribute('data-y-position'),
      canvases: await chart.locator('canvas').count(),
    };
  }
}
