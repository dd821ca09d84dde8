import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { verifyWebhookSignature } from '@shop/access/webhooks';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { reportTable } from '../src/exports/report-table.js';
import { rebuildRollups } from '../src/rollups/service.js';
import { queryOf } from '../src/saved-reports/query.js';
import { savedReport } from '../src/saved-reports/tables.js';
import { deliverPeriod, reportWebhookSecret } from '../src/schedules/deliver.js';
import { latestRun, nextRun } from '../src/schedules/periods.js';
import { reportDelivery } from '../src/schedules/tables.js';
import { DELIVER_TASK, queueDueDeliveries } from '../src/schedules/tick.js';
import { orderFact } from '../src/tables.js';
import { insertFacts, insertSavedReport, insertSchedule, makeFact } from './factories.js';

let database: TestDatabase;
let dropDir: string;

beforeAll(async () => {
  process.env.SHOP_TIME_ZONE = 'Asia/Bangkok';
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(savedReport);
  await database.db.delete(orderFact);
  await rebuildRollups(database.db);
  await database.db.execute('delete from graphile_worker._private_jobs');
  dropDir = await mkdtemp(join(tmpdir(), 'report-drops-'));
  process.env.REPORT_DROP_DIR = dropDir;
});

const MONDAY = 1;
const HOUR = 3_600_000;

describe('schedule periods in shop time (Asia/Bangkok)', () => {
  test('a weekly run on the fiscal week start at 07:00 delivers the week that ended the day before', () => {
    // 00:00 UTC on Monday 9 March is 07:00 in Bangkok.
    expect(latestRun({ frequency: 'WEEKLY', at: '07:00' }, new Date('2026-03-09T00:00:00Z'), MONDAY)).toEqual({
      runAt: new Date('2026-03-09T00:00:00Z'),
      period: { from: '2026-03-02', to: '2026-03-08' },
    });
    expect(latestRun({ frequency: 'WEEKLY', at: '07:00' }, new Date('2026-03-08T23:59:00Z'), MONDAY).period).toEqual({ from: '2026-02-23', to: '2026-03-01' });
  });

  test('the fiscal week start moves the weekly period (Sunday weeks)', () => {
    expect(latestRun({ frequency: 'WEEKLY', at: '07:00' }, new Date('2026-03-09T00:00:00Z'), 7).period).toEqual({ from: '2026-03-01', to: '2026-03-07' });
  });

  test('a daily run at 00:30 shop time is on the UTC day before and delivers the shop yesterday', () => {
    expect(latestRun({ frequency: 'DAILY', at: '00:30' }, new Date('2026-03-04T17:45:00Z'), MONDAY)).toEqual({
      runAt: new Date('2026-03-04T17:30:00Z'),
      period: { from: '2026-03-04', to: '2026-03-04' },
    });
  });

  test('a monthly run on the 1st delivers the whole previous month, leap day included', () => {
    expect(latestRun({ frequency: 'MONTHLY', at: '08:00' }, new Date('2028-03-15T00:00:00Z'), MONDAY).period).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(nextRun({ frequency: 'MONTHLY', at: '08:00' }, new Date('2028-03-15T00:00:00Z'), MONDAY).runAt).toEqual(new Date('2028-04-01T01:00:00Z'));
  });
});

describe('scheduled delivery with a fake clock', () => {
  test('a weekly schedule across a simulated month drops exactly one file per week, with weeks cut at Bangkok midnight', async () => {
    const { db } = database;
    const report = await insertSavedReport(db, { name: 'ยอดขายรายสัปดาห์ weekly' });
    await insertSchedule(db, report.id, { createdAt: new Date('2026-03-01T00:00:00Z') });
    await insertFacts(db, [
      // 23:30 on Sunday 8 March in Bangkok: the week of 2 March.
      makeFact({ placedAt: new Date('2026-03-08T16:30:00Z'), totalMinor: 10_000n }),
      // 00:30 on Monday 9 March in Bangkok, still Sunday in UTC: the week of 9 March.
      makeFact({ placedAt: new Date('2026-03-08T17:30:00Z'), totalMinor: 20_000n }),
    ]);
    await rebuildRollups(db);
    const tickEveryHour = async () => {
      let queued = 0;
      for (let at = Date.parse('2026-03-01T00:00:00Z'); at <= Date.parse('2026-04-01T00:00:00Z'); at += HOUR) queued += await queueDueDeliveries(db, new Date(at), MONDAY);
      return queued;
    };
    expect(await tickEveryHour()).toBe(5);
    const jobs = await queuedJobs(db, DELIVER_TASK);
    expect(jobs).toHaveLength(5);
    for (const job of jobs) await deliverPeriod(db, (job.payload as { deliveryId: string }).deliveryId);
    // A worker running a job twice, and the whole month ticked again, deliver nothing more.
    await deliverPeriod(db, (jobs[0]!.payload as { deliveryId: string }).deliveryId);
    expect(await tickEveryHour()).toBe(0);
    expect(await queuedJobs(db, DELIVER_TASK)).toHaveLength(5);

    const files = (await readdir(join(dropDir, 'finance'))).sort();
    expect(files).toEqual([
      'ยอดขายรายสัปดาห์-weekly_2026-02-23_2026-03-01.csv',
      'ยอดขายรายสัปดาห์-weekly_2026-03-02_2026-03-08.csv',
      'ยอดขายรายสัปดาห์-weekly_2026-03-09_2026-03-15.csv',
      'ยอดขายรายสัปดาห์-weekly_2026-03-16_2026-03-22.csv',
      'ยอดขายรายสัปดาห์-weekly_2026-03-23_2026-03-29.csv',
    ]);
    const weekOf2March = await readFile(join(dropDir, 'finance', files[1]!), 'utf8');
    expect(weekOf2March.split('\n')[0]).toBe('\ufeffday,gmv,orders');
    expect(weekOf2March).toContain('2026-03-08,100.00,1');
    expect(weekOf2March).not.toContain('2026-03-09');
    const weekOf9March = await readFile(join(dropDir, 'finance', files[2]!), 'utf8');
    expect(weekOf9March).toContain('2026-03-09,200.00,1');
    const deliveries = await db.select().from(reportDelivery);
    expect(deliveries.map((d) => d.status)).toEqual(Array(5).fill('DELIVERED'));
  });

  test('a disabled schedule and one created after the run queue nothing', async () => {
    const { db } = database;
    const report = await insertSavedReport(db);
    await insertSchedule(db, report.id, { enabled: false, createdAt: new Date('2026-03-01T00:00:00Z') });
    await insertSchedule(db, report.id, { createdAt: new Date('2026-03-09T00:30:00Z') });
    expect(await queueDueDeliveries(db, new Date('2026-03-09T01:00:00Z'), MONDAY)).toBe(0);
  });

  test('two ticks at once queue one delivery for the period', async () => {
    const { db } = database;
    const report = await insertSavedReport(db);
    await insertSchedule(db, report.id, { frequency: 'DAILY', createdAt: new Date('2026-03-01T00:00:00Z') });
    const now = new Date('2026-03-09T01:00:00Z');
    const queued = await Promise.all(Array.from({ length: 4 }, () => queueDueDeliveries(db, now, MONDAY)));
    expect(queued.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await db.select().from(reportDelivery)).toHaveLength(1);
  });

  test('an e-mail delivery attaches the XLSX, whose cells parse back to the report', async () => {
    const { db } = database;
    const outbox = join(dropDir, 'outbox.jsonl');
    process.env.NOTIFY_OUTBOX_FILE = outbox;
    process.env.REPORT_MAIL_LOCALE = 'th';
    const report = await insertSavedReport(db, { name: 'Daily sales' });
    await insertSchedule(db, report.id, { frequency: 'DAILY', delivery: 'EMAIL', target: 'finance@shop.example', format: 'XLSX', createdAt: new Date('2026-03-01T00:00:00Z') });
    await insertFacts(db, [makeFact({ placedAt: new Date('2026-03-08T05:00:00Z'), totalMinor: 123_456n }), makeFact({ placedAt: new Date('2026-03-08T06:00:00Z'), totalMinor: 1n })]);
    await rebuildRollups(db);
    await queueDueDeliveries(db, new Date('2026-03-09T01:00:00Z'), MONDAY);
    const [job] = await queuedJobs(db, DELIVER_TASK);
    await deliverPeriod(db, (job!.payload as { deliveryId: string }).deliveryId);

    const [line] = (await readFile(outbox, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(line).toMatchObject({ channel: 'email', to: 'finance@shop.example', subject: 'รายงาน "Daily sales": 2026-03-08 – 2026-03-08' });
    const [attachment] = line.attachments;
    expect(attachment.filename).toBe('Daily-sales_2026-03-08_2026-03-08.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(attachment.contentBase64, 'base64') as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    const expected = await reportTable(db, queryOf({ ...report.definition, rangePreset: null, range: { from: '2026-03-08', to: '2026-03-08' } }), ['reports:read']);
    expect(cells).toEqual([expected.columns, ...expected.rows]);
    expect(cells).toEqual([['day', 'gmv', 'orders'], ['2026-03-08', '1234.57', '2']]);
  });

  test('a webhook delivery is signed like partner webhooks; a refusing endpoint leaves it FAILED for the job to retry', async () => {
    const { db } = database;
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    let status = 500;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const report = await insertSavedReport(db);
      await insertFacts(db, [makeFact({ placedAt: new Date('2026-03-08T05:00:00Z') })]);
      await rebuildRollups(db);
      await insertSchedule(db, report.id, { frequency: 'DAILY', delivery: 'WEBHOOK', target: `http://127.0.0.1:${port}/reports`, createdAt: new Date('2026-03-01T00:00:00Z') });
      await queueDueDeliveries(db, new Date('2026-03-09T01:00:00Z'), MONDAY);
      const [job] = await queuedJobs(db, DELIVER_TASK);
      const deliveryId = (job!.payload as { deliveryId: string }).deliveryId;
      await expect(deliverPeriod(db, deliveryId)).rejects.toThrow();
      expect((await db.select().from(reportDelivery).where(eq(reportDelivery.id, deliveryId)))[0]).toMatchObject({ status: 'FAILED', errorCode: 'DELIVERY_FAILED' });

      status = 204;
      await deliverPeriod(db, deliveryId);
      const last = received[received.length - 1]!;
      const check = verifyWebhookSignature(reportWebhookSecret(), { timestamp: last.headers['shop-webhook-timestamp'] as string, signature: last.headers['shop-webhook-signature'] as string }, last.body);
      expect(check).toEqual({ ok: true });
      expect(JSON.parse(last.body)).toMatchObject({ type: 'report.delivered', period: { from: '2026-03-08', to: '2026-03-08' }, format: 'CSV' });
      expect((await db.select().from(reportDelivery).where(eq(reportDelivery.id, deliveryId)))[0]).toMatchObject({ status: 'DELIVERED', errorCode: null, rowCount: 1 });
    } finally {
      server.close();
      await rm(dropDir, { recursive: true, force: true });
    }
  });
});
