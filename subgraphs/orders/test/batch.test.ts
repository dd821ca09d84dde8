import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { writeOrderExport } from '../src/batch/export.js';
import { batchBook, batchExport, batchIssues, batchRunById, batchShipFromCsv, batchTag } from '../src/batch/service.js';
import { exportPath } from '../src/batch/storage.js';
import { selectedOrders } from '../src/batch/selection.js';
import { batchRun } from '../src/batch/tables.js';
import { runBatch } from '../src/batch/task.js';
import type { OrderActor } from '../src/history/index.js';
import { order, orderHistory } from '../src/tables.js';
import { seedCatalog } from './checkout-fixtures.js';
import { insertPaidOrders } from './factories.js';

let database: TestDatabase;
const actor: OrderActor = { kind: 'staff', id: '00000000-0000-4000-8000-0000000000aa', label: 'Staff' };
const starter = { actor, startedBy: actor.id };
const FULL = { contactSearch: true, flags: true, tags: true };

const paidOrders = (from: number, n: number) => insertPaidOrders(database.db, from, n);

async function run(start: Promise<{ ok: boolean; value?: { id: string }; errors?: unknown }>) {
  const started = await start;
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  await runBatch({ runId: started.value!.id }, database.db);
  return (await batchRunById(database.db, started.value!.id))!;
}

const statusCount = async (status: 'PAID' | 'SHIPPED', numbers: string[]) =>
  (await database.db.select({ n: count() }).from(order).where(sql`${order.status} = ${status} and ${inArray(order.number, numbers)}`))[0]!.n;

beforeAll(async () => {
  process.env.EXPORT_DIR = await mkdtemp(join(tmpdir(), 'order-exports-'));
  database = await createTestDatabase();
  // Warehouses to ship from (the factory's orders hold no stock: shipments move none for them).
  await seedCatalog(database.db, 1);
}, 120_000);
afterAll(() => database.close());

describe('mark shipped from a CSV', () => {
  const FROM = 300001;
  const numbers = Array.from({ length: 1000 }, (_, i) => `SO-${FROM + i}`);
  let csv: string;
  const expected = [
    { row: 6, code: 'UNKNOWN_CARRIER' },
    { row: 7, code: 'UNKNOWN_CARRIER' },
    { row: 8, code: 'MISSING_TRACKING' },
    { row: 9, code: 'MISSING_TRACKING' },
    { row: 10, code: 'WRONG_STATE' },
    { row: 11, code: 'WRONG_STATE' },
    { row: 998, code: 'UNKNOWN_ORDER' },
    { row: 999, code: 'UNKNOWN_ORDER' },
    { row: 1000, code: 'DUPLICATE_ROW' },
    { row: 1001, code: 'DUPLICATE_ROW' },
  ];

  beforeAll(async () => {
    await paidOrders(FROM, 1000);
    // Two of them were cancelled meanwhile.
    await database.db.update(order).set({ status: 'CANCELLED' }).where(inArray(order.number, [numbers[8]!, numbers[9]!]));
    const rows = numbers.slice(0, 996).map((number, i) => [number, 'KERRY', `KE${String(i).padStart(8, '0')}TH`]);
    rows[4]![1] = 'NOPE';
    rows[5]![1] = 'dhl-x';
    rows[6]![2] = '';
    rows[7]![2] = '  ';
    rows.push(['SO-999998', 'FLASH', 'TH1'], ['SO-999999', 'FLASH', 'TH2'], [numbers[0]!, 'FLASH', 'TH3'], [numbers[1]!, 'KERRY', 'TH4']);
    csv = ['Order number,Carrier,Tracking number', ...rows.map((r) => r.join(','))].join('\r\n');
  }, 120_000);

  it('a dry run of 1,000 rows with 10 bad rows reports exactly those rows and ships nothing', async () => {
    const done = await run(mutate(database.db, (tx) => batchShipFromCsv(tx, starter, { csv, dryRun: true })));
    expect(done).toMatchObject({ status: 'SUCCEEDED', dryRun: true, total: 1000, done: 1000, failed: 10 });
    const report = await batchIssues(database.db, done.id, 1000);
    expect(report.map(({ row, code }) => ({ row, code }))).toEqual(expected);
    expect(report.find((r) => r.row === 1000)).toMatchObject({ orderNumber: numbers[0], params: { firstRow: '2' } });
    expect(report.find((r) => r.row === 10)).toMatchObject({ params: { status: 'CANCELLED' } });
    expect(await statusCount('SHIPPED', numbers)).toBe(0);
  }, 60_000);

  it('the run ships the 990 good rows, one order each, and reports the same 10', async () => {
    const done = await run(mutate(database.db, (tx) => batchShipFromCsv(tx, starter, { csv, dryRun: false })));
    expect(done).toMatchObject({ status: 'SUCCEEDED', dryRun: false, total: 1000, done: 1000, failed: 10 });
    const report = await batchIssues(database.db, done.id, 1000);
    expect(report.map(({ row, code }) => ({ row, code }))).toEqual(expected);
    expect(await statusCount('SHIPPED', numbers)).toBe(990);
    const [first] = await database.db.select().from(order).where(eq(order.number, numbers[0]!));
    expect(first).toMatchObject({ status: 'SHIPPED', carrier: 'KERRY', trackingNumber: 'KE00000000TH' });
    const history = await database.db.select().from(orderHistory).where(eq(orderHistory.orderId, first!.id));
    expect(history.filter((h) => h.kind === 'TRANSITION').map((h) => h.toStatus)).toEqual(['FULFILLING', 'SHIPPED']);
    expect(history.every((h) => h.actorKind === 'staff' && h.actorId === actor.id)).toBe(true);
    const shipments = await database.db.execute<{ number: string; carrier_code: string; tracking_number: string }>(
      sql`select number, carrier_code, tracking_number from orders.shipment where order_id = ${first!.id}`,
    );
    expect(shipments).toEqual([{ number: `S-${numbers[0]}-1`, carrier_code: 'KERRY', tracking_number: 'KE00000000TH' }]);
    // Orders past the file's 996 rows are untouched.
    expect(await statusCount('PAID', numbers.slice(996))).toBe(4);
    // Minutes on a loaded 2-core machine: 990 orders through shipments.
  }, 900_000);

  it.each([
    ['order_number,carrier\nSO-1,KERRY', 'CSV_MISSING_COLUMNS'],
    ['order_number,carrier,tracking_number\n', 'CSV_EMPTY'],
    ['order_number,carrier,tracking_number\n"SO-1,KERRY,X', 'CSV_INVALID'],
    [`order_number,carrier,tracking_number\n${'SO-1,KERRY,X\n'.repeat(5001)}`, 'CSV_TOO_MANY_ROWS'],
    [`order_number,carrier,tracking_number\n${'x'.repeat(500_001)}`, 'CSV_TOO_LARGE'],
  ])('a file that cannot be used (case %#) is refused as a whole and starts nothing', async (text, code) => {
    const before = await database.db.$count(batchRun);
    const result = await mutate(database.db, (tx) => batchShipFromCsv(tx, starter, { csv: text, dryRun: true }));
    expect(result).toMatchObject({ ok: false, errors: [{ code, field: ['input', 'csv'] }] });
    expect(await database.db.$count(batchRun)).toBe(before);
  });
});

describe('book waybills for a selection', () => {
  const FROM = 600001;

  beforeAll(() => paidOrders(FROM, 6), 60_000);

  it('books a sandbox waybill for each paid order and ships it; an order in another state is reported', async () => {
    await database.db.update(order).set({ status: 'CANCELLED' }).where(eq(order.number, `SO-${FROM}`));
    const picked = await database.db.select({ id: order.id }).from(order).where(sql`${order.number} between ${`SO-${FROM}`} and ${`SO-${FROM + 5}`}`);
    const done = await run(
      mutate(database.db, (tx) => batchBook(tx, starter, { selection: { orderIds: picked.map((p) => p.id) }, carrierCode: 'SANDBOX' }, FULL)),
    );
    expect(done).toMatchObject({ kind: 'BOOK', status: 'SUCCEEDED', total: 6, done: 6, failed: 1 });
    expect(await batchIssues(database.db, done.id, 10)).toMatchObject([{ orderNumber: `SO-${FROM}`, code: 'WRONG_STATE', params: { status: 'CANCELLED' } }]);
    const shipped = await database.db.select().from(order).where(sql`${order.number} between ${`SO-${FROM + 1}`} and ${`SO-${FROM + 5}`}`);
    expect(shipped.every((o) => o.status === 'SHIPPED' && o.carrier === 'SANDBOX' && /^SBX\d{9}TH$/.test(o.trackingNumber ?? ''))).toBe(true);
  }, 60_000);

  it.each([
    ['NOPE', 'UNKNOWN_CARRIER'],
    ['KERRY', 'CARRIER_CANNOT_BOOK'],
  ])('carrier %s is refused with %s and nothing starts', async (carrierCode, code) => {
    const before = await database.db.$count(batchRun);
    const result = await mutate(database.db, (tx) => batchBook(tx, starter, { selection: { filter: {} }, carrierCode }, FULL));
    expect(result).toMatchObject({ ok: false, errors: [{ code, field: ['input', 'carrierCode'] }] });
    expect(await database.db.$count(batchRun)).toBe(before);
  });
});

describe('tags on a selection or a filter', () => {
  const FROM = 400001;

  beforeAll(() => paidOrders(FROM, 30), 60_000);

  it('adds a tag to selected ids, then swaps it for another on every order the tag filter matches', async () => {
    const picked = await database.db.select({ id: order.id }).from(order).where(sql`${order.number} between ${`SO-${FROM}`} and ${`SO-${FROM + 9}`}`);
    const added = await run(
      mutate(database.db, (tx) => batchTag(tx, starter, { selection: { orderIds: picked.map((p) => p.id) }, add: [' VIP '] }, FULL)),
    );
    expect(added).toMatchObject({ status: 'SUCCEEDED', total: 10, done: 10, failed: 0 });
    const swapped = await run(
      mutate(database.db, (tx) => batchTag(tx, starter, { selection: { filter: { tag: 'vip' } }, add: ['checked'], remove: ['vip'] }, FULL)),
    );
    expect(swapped).toMatchObject({ status: 'SUCCEEDED', total: 10, done: 10 });
    const tagged = await database.db.select({ tags: order.tags }).from(order).where(sql`${order.tags} @> array['checked']`);
    expect(tagged).toHaveLength(10);
    expect(tagged.every((t) => t.tags.join() === 'checked')).toBe(true);
  }, 60_000);

  it('walks a filter in keyset pages, every order once, newest first', async () => {
    const seen: string[] = [];
    for await (const page of selectedOrders(database.db, { filter: { search: undefined, createdFrom: new Date('2026-11-01T00:00:00Z') } }, FULL, 7)) {
      seen.push(...page.map((o) => o.number));
    }
    const ours = seen.filter((n) => n.startsWith('SO-4'));
    expect(ours).toEqual(Array.from({ length: 30 }, (_, i) => `SO-${FROM + 29 - i}`));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([
    [{ selection: { orderIds: [] }, add: ['a'] }, 'SELECTION_INVALID', ['input', 'selection', 'orderIds']],
    [{ selection: {}, add: ['a'] }, 'SELECTION_INVALID', ['input', 'selection']],
    [{ selection: { orderIds: Array.from({ length: 1001 }, () => crypto.randomUUID()) }, add: ['a'] }, 'SELECTION_TOO_LARGE', ['input', 'selection', 'orderIds']],
    [{ selection: { orderIds: ['nope'] }, add: ['a'] }, 'SELECTION_INVALID', ['input', 'selection', 'orderIds', '0']],
    [{ selection: { filter: { tag: 'vip' } }, add: [] }, 'INVALID_TAGS', ['input', 'add']],
    [{ selection: { filter: { tag: 'vip' } }, add: ['x'.repeat(41)] }, 'INVALID_TAGS', ['input', 'add', '0']],
    [{ selection: { filter: { tag: 'no-such-tag' } }, add: ['a'] }, 'NOTHING_SELECTED', ['input', 'selection']],
  ])('bad input (case %#) is a userError at its field and starts nothing', async (input, code, field) => {
    const before = await database.db.$count(batchRun);
    const result = await mutate(database.db, (tx) => batchTag(tx, starter, input, FULL));
    expect(result).toMatchObject({ ok: false, errors: [{ code, field }] });
    expect(await database.db.$count(batchRun)).toBe(before);
  });
});

describe('export', () => {
  const FROM = 500001;

  beforeAll(() => paidOrders(FROM, 250), 60_000);

  async function csvOf(withContact: boolean, filter: Record<string, unknown>) {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const rows = await writeOrderExport(database.db, { selection: { filter }, access: FULL, withContact, format: 'CSV' }, sink);
    const text = Buffer.concat(chunks).toString('utf8');
    return { rows, records: parse(text, { bom: true, columns: true }) as Record<string, string>[], text };
  }

  it('respects the filter, one row per line, newest first, no cost columns', async () => {
    const { rows, records } = await csvOf(true, { search: `SO-${FROM + 7}` });
    expect(rows).toBe(2);
    expect(records.map((r) => [r.order_number, r.line_sku, r.line_quantity, r.line_total])).toEqual([
      [`SO-${FROM + 7}`, 'SKU-1', '1', '50.00'],
      [`SO-${FROM + 7}`, 'SKU-2', '2', '200.00'],
    ]);
    expect(records[0]).toMatchObject({ recipient_name: `Somchai ${FROM + 7}`, email: `buyer${FROM + 7}@example.com`, city: 'Bangkok', total: '250.00' });
    expect(Object.keys(records[0]!).some((c) => c.includes('cost'))).toBe(false);
    const all = await csvOf(true, { createdFrom: new Date('2026-11-01T00:00:00Z'), tag: null, status: ['PAID'], totalMin: '250' });
    const mine = all.records.filter((r) => r.order_number.startsWith('SO-5'));
    expect(new Set(mine.map((r) => r.order_number)).size).toBe(250);
    expect(mine[0]!.order_number).toBe(`SO-${FROM + 249}`);
  });

  it('masks contact data without members:read_pii, as the API does', async () => {
    const { records, text } = await csvOf(false, { search: `SO-${FROM + 7}` });
    expect(records[0]).toMatchObject({ recipient_name: '', recipient_phone: '', email: '', address_line1: '', city: 'Bangkok', postal_code: '10110' });
    expect(text).not.toContain('Somchai');
    expect(text).not.toContain('@example.com');
  });

  it('runs as a batch: the file lands under the run, its contact flag decided by the caller', async () => {
    const filter = { search: `SO-${FROM + 3}` };
    const started = mutate(database.db, (tx) =>
      batchExport(tx, starter, { selection: { filter }, format: 'XLSX' }, { ...FULL, contact: false }),
    );
    const done = await run(started);
    expect(done).toMatchObject({ status: 'SUCCEEDED', kind: 'EXPORT', total: 1, done: 1, resultFormat: 'XLSX', resultHasContact: false });
    const file = await readFile(exportPath(done.id, 'XLSX'));
    expect(file.subarray(0, 2).toString()).toBe('PK');
  });
});
