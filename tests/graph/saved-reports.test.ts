// Saved reports, exports, schedules and anomaly rules through the gateway: who sees what, what is refused, and an
// XLSX export whose cells are the report's figures.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { demoStaffHeaders, signInAll, type Caller } from '../kit/callers.js';

let database: TestDatabase;
const gateways: Partial<Record<'in-process' | 'distributed', TestGateway>> = {};
let analyst: Record<string, string>;
let marketing: Record<string, string>;
let owner: Record<string, string>;
let callers: Caller[];

const SAVED = `fragment Saved on SavedReport { id name sharedWithRoles createdBy { id }
  definition { metrics dimensions filters { dimension values } rangePreset range { from to } comparison currencyCode } }`;
const CREATE = `mutation ($input: SavedReportCreateInput!) { savedReportCreate(input: $input) { savedReport { ...Saved } userErrors { field code message } } } ${SAVED}`;
const LIST = `{ savedReports(first: 20) { totalCount edges { node { id name } } } }`;
const EXPORT = `mutation ($input: ReportExportInput!) { reportExport(input: $input) { export { id status format } userErrors { field code } } }`;
const EXPORT_JOB = `query ($id: ID!) { reportExportJob(id: $id) { id status progress rowCount format downloadUrl } }`;
const SCHEDULE = `mutation ($input: ReportScheduleCreateInput!) { reportScheduleCreate(input: $input) { schedule { id frequency at delivery target format enabled nextRunAt lastDeliveredPeriod { from } deliveries { id } } userErrors { field code } } }`;

const salesLastMonthByChannel = { metrics: ['GMV', 'ORDERS'], dimensions: ['CHANNEL'], rangePreset: 'LAST_MONTH' };

beforeAll(async () => {
  process.env.EXPORT_DIR = await mkdtemp(join(tmpdir(), 'report-exports-'));
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  gateways['in-process'] = await startTestGateway('in-process', database.db);
  gateways.distributed = await startTestGateway('distributed', database.db);
  const gateway = gateways['in-process']!;
  analyst = await demoStaffHeaders(gateway, 'analyst');
  marketing = await demoStaffHeaders(gateway, 'marketing');
  owner = await demoStaffHeaders(gateway, 'owner');
  callers = await signInAll(gateway);
}, 300_000);

afterAll(async () => {
  for (const gateway of Object.values(gateways)) await gateway?.stop();
  await database?.close();
});

describe.each(['in-process', 'distributed'] as const)('saved reports through the %s gateway', (mode) => {
  const gateway = () => gateways[mode]!;

  it('an analyst saves "sales last month by channel" shared with marketing; marketing sees it, the owner does not', async () => {
    const { body } = await gateway().query(CREATE, { input: { name: `Sales by channel (${mode})`, definition: salesLastMonthByChannel, sharedWithRoles: ['marketing'] } }, analyst);
    expect(body.errors).toBeUndefined();
    const saved = body.data.savedReportCreate.savedReport;
    expect(saved).toMatchObject({
      name: `Sales by channel (${mode})`, sharedWithRoles: ['marketing'], createdBy: { id: expect.any(String) },
      definition: { metrics: ['GMV', 'ORDERS'], dimensions: ['CHANNEL'], filters: [], rangePreset: 'LAST_MONTH', range: null, comparison: 'NONE', currencyCode: null },
    });
    const names = async (headers: Record<string, string>) =>
      (await gateway().query(LIST, {}, headers)).body.data.savedReports.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(await names(marketing)).toContain(saved.name);
    expect(await names(owner)).not.toContain(saved.name);
    const one = await gateway().query(`query ($id: ID!) { savedReport(id: $id) { id } }`, { id: saved.id }, owner);
    expect(one.body.data.savedReport).toBeNull();
  });

  it.each([
    [{ name: ' ', definition: salesLastMonthByChannel }, 'NAME_INVALID', ['name']],
    [{ name: 'x', definition: salesLastMonthByChannel, sharedWithRoles: ['no-such-role'] }, 'ROLE_UNKNOWN', ['sharedWithRoles', '0']],
    [{ name: 'x', definition: { ...salesLastMonthByChannel, range: { from: '2026-01-01', to: '2026-01-31' } } }, 'DEFINITION_INVALID', ['definition', 'rangePreset']],
    [{ name: 'x', definition: { metrics: ['GMV'], range: { from: '2026-02-01', to: '2026-01-01' } } }, 'DEFINITION_INVALID', ['definition', 'range']],
    [{ name: 'x', definition: { metrics: [], rangePreset: 'TODAY' } }, 'DEFINITION_INVALID', ['definition', 'metrics']],
  ])('bad input (case %#) is a userError and saves nothing', async (input, code, field) => {
    const before = (await gateway().query(LIST, {}, analyst)).body.data.savedReports.totalCount;
    const { body } = await gateway().query(CREATE, { input }, analyst);
    expect(body.data.savedReportCreate).toMatchObject({ savedReport: null, userErrors: [{ code, field }] });
    expect((await gateway().query(LIST, {}, analyst)).body.data.savedReports.totalCount).toBe(before);
  });
});

describe('who may use saved reports', () => {
  it('lists them for staff holding reports:read only; others get null with FORBIDDEN', async () => {
    for (const caller of callers) {
      const { body } = await gateways['in-process']!.query(LIST, {}, caller.headers);
      const allowed = caller.principalKind === 'staff' && caller.scopes.includes('reports:read');
      expect({ caller: caller.name, listed: body.data?.savedReports != null }).toEqual({ caller: caller.name, listed: allowed });
      if (!allowed) expect(body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });

  it('saving needs reports:write: marketing (reports:read only) is refused', async () => {
    const { body } = await gateways['in-process']!.query(CREATE, { input: { name: 'nope', definition: salesLastMonthByChannel } }, marketing);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data?.savedReportCreate ?? null).toBeNull();
  });
});

describe('export to XLSX', () => {
  it('"sales last month by channel" exported to XLSX parses back to the report figures; only its requester downloads it', async () => {
    const gateway = gateways['in-process']!;
    const base = gateway.url.replace(/\/graphql$/, '');
    const created = await gateway.query(CREATE, { input: { name: 'Export me', definition: salesLastMonthByChannel } }, analyst);
    const savedReportId = created.body.data.savedReportCreate.savedReport.id;
    const { body } = await gateway.query(EXPORT, { input: { savedReportId, format: 'XLSX' } }, analyst);
    expect(body.data.reportExport).toMatchObject({ export: { status: 'QUEUED', format: 'XLSX' }, userErrors: [] });
    const exportId = body.data.reportExport.export.id;

    const reports = SUBGRAPHS.find((module) => module.name === 'reports')!;
    await reports.tasks['reports.export']!({ exportId }, database.db);
    const job = (await gateway.query(EXPORT_JOB, { id: exportId }, analyst)).body.data.reportExportJob;
    expect(job).toMatchObject({ status: 'DONE', progress: 1, format: 'XLSX', downloadUrl: expect.stringMatching(/^\/exports\/reports\/.+\.xlsx\?expires=/) });
    // Someone else does not even see the job.
    expect((await gateway.query(EXPORT_JOB, { id: exportId }, owner)).body.data.reportExportJob).toBeNull();

    const response = await fetch(`${base}${job.downloadUrl}`, { headers: analyst });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const cells = workbook.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));

    const { body: report } = await gateway.query(
      `query ($input: ReportQueryInput!) { report(input: $input) { range { from to } rows { keys { key label } values { value } } } }`,
      { input: { metrics: ['GMV', 'ORDERS'], dimensions: ['CHANNEL'], range: lastMonth(), first: 1000 } },
      analyst,
    );
    const rows = report.data.report.rows.map((row: { keys: { key: string; label: string | null }[]; values: { value: string | null }[] }) => [
      ...row.keys.map((k) => k.label ?? k.key), ...row.values.map((v) => v.value ?? ''),
    ]);
    expect(rows.length).toBeGreaterThan(0);
    expect(cells).toEqual([['channel', 'gmv', 'orders'], ...rows]);
    expect(job.rowCount).toBe(rows.length);

    expect((await fetch(`${base}${job.downloadUrl}`, { headers: owner })).status).toBe(404);
    expect((await fetch(`${base}${job.downloadUrl.replace(/signature=[^&]+/, 'signature=forged')}`, { headers: analyst })).status).toBe(403);
    expect((await fetch(`${base}${job.downloadUrl}`)).status).toBe(403);
  });
});

describe('schedules and anomaly rules', () => {
  it('a schedule checks its clock and target, then shows its next run in shop time', async () => {
    const gateway = gateways['in-process']!;
    const created = await gateway.query(CREATE, { input: { name: 'Weekly', definition: salesLastMonthByChannel } }, analyst);
    const savedReportId = created.body.data.savedReportCreate.savedReport.id;
    const base = { savedReportId, frequency: 'WEEKLY', at: '07:00', delivery: 'EMAIL', target: 'finance@shop.example', format: 'XLSX' };
    for (const [change, code, field] of [
      [{ at: '25:00' }, 'TIME_INVALID', 'at'],
      [{ target: 'not a mailbox' }, 'TARGET_INVALID', 'target'],
      [{ delivery: 'FILE_DROP', target: '../etc' }, 'TARGET_INVALID', 'target'],
      [{ delivery: 'WEBHOOK', target: 'http://example.com/hook' }, 'TARGET_INVALID', 'target'],
      [{ savedReportId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'savedReportId'],
    ] as const) {
      const { body } = await gateway.query(SCHEDULE, { input: { ...base, ...change } }, analyst);
      expect(body.data.reportScheduleCreate).toMatchObject({ schedule: null, userErrors: [{ code, field: [field] }] });
    }
    const { body } = await gateway.query(SCHEDULE, { input: base }, analyst);
    const schedule = body.data.reportScheduleCreate.schedule;
    expect(schedule).toMatchObject({ frequency: 'WEEKLY', at: '07:00', delivery: 'EMAIL', enabled: true, lastDeliveredPeriod: null, deliveries: [] });
    // 07:00 in Bangkok is 00:00 UTC, on a Monday (the default fiscal week start).
    const next = new Date(schedule.nextRunAt);
    expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCDay()]).toEqual([0, 0, 1]);
    // Targets are mailboxes and URLs: reading schedules needs reports:write.
    const { body: read } = await gateway.query(`query ($id: ID!) { savedReport(id: $id) { schedules { id } } }`, { id: savedReportId }, analyst);
    expect(read.data.savedReport.schedules).toEqual([{ id: schedule.id }]);
  });

  it('lists the seeded anomaly rules and refuses a threshold out of range', async () => {
    const gateway = gateways['in-process']!;
    const { body } = await gateway.query(`{ anomalyRules { id metric direction threshold lookbackWeeks enabled } anomalyAlerts(status: OPEN) { totalCount } }`, {}, analyst);
    expect(body.data.anomalyRules.map((r: { metric: string; direction: string }) => `${r.metric} ${r.direction}`).sort()).toEqual([
      'CONVERSION_RATE DROP', 'GMV DROP', 'ORDERS DROP', 'REFUNDS SPIKE',
    ]);
    const id = body.data.anomalyRules[0].id;
    const UPDATE = `mutation ($input: AnomalyRuleUpdateInput!) { anomalyRuleUpdate(input: $input) { rule { threshold } userErrors { field code } } }`;
    expect((await gateway.query(UPDATE, { input: { id, threshold: 0 } }, analyst)).body.data.anomalyRuleUpdate).toMatchObject({ rule: null, userErrors: [{ code: 'RULE_INVALID', field: ['threshold'] }] });
    expect((await gateway.query(UPDATE, { input: { id, threshold: 4 } }, analyst)).body.data.anomalyRuleUpdate).toEqual({ rule: { threshold: 4 }, userErrors: [] });
  });
});

/** Last month in the shop's calendar (Bangkok), as the LAST_MONTH preset resolves it. */
function lastMonth() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10);
  return { from, to };
}
