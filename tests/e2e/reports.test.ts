import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '@shop/kit/jobs';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { hasChromium } from '../kit/browser.js';
import { staffLogin } from '../kit/callers.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { ReportsPage } from './pages/reports-page.js';

const REPORT = `query ($input: ReportQueryInput!) {
  report(input: $input) { range { from to } rows { keys { key label } values { metric value } } totals { metric value } }
}`;
const SAVED = `query ($id: ID!) { savedReport(id: $id) { name definition { metrics dimensions rangePreset range { from to } } } }`;

interface ApiReport {
  range: { from: string; to: string };
  rows: { keys: { key: string; label: string | null }[]; values: { metric: string; value: string | null }[] }[];
  totals: { metric: string; value: string | null }[];
}

// The report builder in Chromium: "sales last month by channel" is answered with a chart and a table whose totals are
// the API's, saved under a name (as LAST_MONTH, resolved at each run), exported to XLSX and the file read back.
describe.skipIf(!hasChromium)('report builder in the admin console', () => {
  let stack: ConsoleStack;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    stack = await startConsoleStack();
    worker = await startWorker(stack.database.url, stack.database.db, SUBGRAPHS, { pollInterval: 200 });
    analyst = { authorization: `Bearer ${await staffLogin(stack.gateway, 'analyst@shop.test', 'demo-analyst-password')}` };
    // Building the console takes minutes on a loaded machine.
  }, 900_000);
  afterAll(async () => {
    await worker?.stop();
    await stack?.stop();
  });

  it('answers sales last month by channel, saves it and exports it to XLSX that reads back the same', async () => {
    const page = await stack.signedIn('analyst');
    const reports = new ReportsPage(page);
    await reports.gotoBuilder(stack.baseUrl);
    await reports.splitBy('Channel');
    await reports.range('Last month');
    const preview = await reports.preview();
    await preview.locator('[data-chart] canvas').first().waitFor();
    expect(await preview.locator('[data-chart]').getAttribute('data-x-inverse')).toBe('false');
    // Counted before saving: saving opens the saved report (?saved=<id>), which waits for its own preview.
    const previewRows = (await reports.rows()).length;
    const saveAs = 'Sales last month by channel';
    await reports.save(saveAs);
    const id = new URL(page.url()).searchParams.get('saved');
    const answer = (await stack.gateway.query(SAVED, { id }, analyst)).body;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.savedReport).toEqual({
      name: saveAs,
      definition: { metrics: ['GMV'], dimensions: ['CHANNEL'], rangePreset: 'LAST_MONTH', range: null },
    });

    // The preview is the API's answer for the shop's last month, row for row.
    const api: ApiReport = (
      await stack.gateway.query(REPORT, { input: { metrics: ['GMV'], dimensions: ['CHANNEL'], range: shopLastMonth() } }, analyst)
    ).body.data.report;
    expect(api.rows.length).toBeGreaterThan(0);
    expect(previewRows).toBe(api.rows.length);

    // The saved report opens in the builder (?saved=<id>) and exports from there.
    await page.getByTestId('report-builder').waitFor();
    await page.waitForLoadState('networkidle');
    const download = await reports.exportXlsx(page.getByTestId('report-builder'));
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    for (const row of api.rows) {
      expect(cells).toContain(row.keys[0]!.label ?? row.keys[0]!.key);
      expect(cells.map(Number)).toContain(Number(row.values[0]!.value));
    }
    await page.context().close();
  }, 300_000);
});

/** The shop's last month (the demo shop's zone, Asia/Bangkok): the days LAST_MONTH covers today. */
function shopLastMonth(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(Date.UTC(year, month - 2, 1)), to: day(Date.UTC(year, month - 1, 0)) };
}
