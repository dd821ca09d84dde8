import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { levelOf, makeWarehouse } from './purchasing-fixtures.js';
import { verifyLedger } from '../src/ledger/index.js';
import { stock } from '../src/index.js';
import { dataOf, type Connection } from '../../../tests/kit/shape.js';

let database: TestDatabase;
let run: ReturnType<typeof subgraphExecutor>;
let source: string;
let destination: string;
let empty: string;

const FIELDS = `transfer { id number status from { id } to { id } lines { variant { id } quantity } createdAt }
  userErrors { field code message availableQuantity }`;
const CREATE = `mutation ($input: StockTransferCreateInput!) { stockTransferCreate(input: $input) { ${FIELDS} } }`;
const SHIP = `mutation ($input: StockTransferShipInput!) { stockTransferShip(input: $input) { ${FIELDS} } }`;
const RECEIVE = `mutation ($input: StockTransferReceiveInput!) { stockTransferReceive(input: $input) { ${FIELDS} } }`;
const LIST = `query ($first: Int, $after: String, $last: Int, $before: String) {
  stockTransfers(first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    edges { cursor node { id number status from { id code } to { id code } lines { variant { id } quantity } createdAt } } } }`;

type Payload = {
  transfer: { id: string; number: string; status: string; lines: { variant: { id: string }; quantity: number }[] } | null;
  userErrors: { field: string[] | null; code: string; message: string; availableQuantity: number | null }[];
};

type Listed = { stockTransfers: Connection<{ id: string; number: string; createdAt: string; lines: unknown[] }> };

async function call(source: string, field: string, input: unknown): Promise<Payload> {
  const result = await run(source, { input });
  expect(result.errors).toBeUndefined();
  return dataOf<Record<string, Payload>>(result)[field];
}
const create = (input: unknown) => call(CREATE, 'stockTransferCreate', input);
const ship = (id: string) => call(SHIP, 'stockTransferShip', { id });
const receive = (id: string) => call(RECEIVE, 'stockTransferReceive', { id });

/** Everything a transfer mutation may write, to prove a refusal wrote nothing. */
async function snapshot() {
  const [row] = await database.db.execute(sql`
    select (select count(*) from stock.transfer)::int as transfers,
           (select count(*) from stock.transfer_line)::int as lines,
           (select string_agg(status::text, ',' order by id) from stock.transfer) as statuses,
           (select count(*) from stock.movement)::int as movements,
           (select count(*) from stock.level)::int as levels,
           (select coalesce(sum(on_hand), 0)::int from stock.level) as on_hand`);
  return row!;
}

async function stockUp(variantId: string, warehouseId: string, units: number) {
  await database.db.execute(sql`
    insert into stock.level (variant_id, warehouse_id, on_hand) values (${variantId}, ${warehouseId}, ${units})`);
  await database.db.execute(sql`
    insert into stock.movement (variant_id, warehouse_id, kind, on_hand_delta, reference)
    values (${variantId}, ${warehouseId}, 'RECEIPT', ${units}, 'test')`);
}

async function draft(lines: { variantId: string; quantity: number }[], from = source, to = destination) {
  const created = await create({ fromWarehouseId: from, toWarehouseId: to, lines });
  expect(created.userErrors).toEqual([]);
  return created.transfer!;
}

async function expectLedgerBalanced() {
  expect((await verifyLedger(database.db)).mismatches).toEqual([]);
}

beforeAll(async () => {
  database = await createTestDatabase({ max: 6 });
  run = subgraphExecutor(stock, database.db);
  source = await makeWarehouse(database.db, 'TR-SRC');
  destination = await makeWarehouse(database.db, 'TR-DST');
  empty = await makeWarehouse(database.db, 'TR-EMPTY');
});
afterAll(() => database.close());

describe('stock transfers', () => {
  it('create drafts without moving stock; ship takes it out of the source; receive puts it into the destination', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await stockUp(a, source, 10);
    await stockUp(b, source, 4);
    const before = await snapshot();

    const transfer = await draft([
      { variantId: a, quantity: 7 },
      { variantId: b, quantity: 4 },
    ]);
    expect(transfer.status).toBe('DRAFT');
    expect(transfer.number).toMatch(/^TR-\d{6}$/);
    expect(transfer.lines.map((l) => [l.variant.id, l.quantity]).sort()).toEqual([[a, 7], [b, 4]].sort());
    expect((await snapshot()).movements).toBe(before.movements);
    expect(await levelOf(database.db, a, source)).toEqual({ onHand: 10, reserved: 0 });

    const shipped = await ship(transfer.id);
    expect(shipped.userErrors).toEqual([]);
    expect(shipped.transfer!.status).toBe('IN_TRANSIT');
    expect(await levelOf(database.db, a, source)).toEqual({ onHand: 3, reserved: 0 });
    expect(await levelOf(database.db, b, source)).toEqual({ onHand: 0, reserved: 0 });
    expect(await levelOf(database.db, a, destination)).toEqual({ onHand: 0, reserved: 0 });
    await expectLedgerBalanced();

    const received = await receive(transfer.id);
    expect(received.userErrors).toEqual([]);
    expect(received.transfer!.status).toBe('RECEIVED');
    expect(await levelOf(database.db, a, destination)).toEqual({ onHand: 7, reserved: 0 });
    expect(await levelOf(database.db, b, destination)).toEqual({ onHand: 4, reserved: 0 });
    expect(await levelOf(database.db, a, source)).toEqual({ onHand: 3, reserved: 0 });
    await expectLedgerBalanced();

    const moves = await database.db.execute<{ variant_id: string; warehouse_id: string; kind: string; on_hand_delta: number; actor_id: string }>(sql`
      select variant_id, warehouse_id, kind, on_hand_delta, actor_id from stock.movement
      where reference = ${transfer.number} order by kind::text, variant_id`);
    expect(moves.map((m) => ({ ...m }))).toEqual(
      [
        { variant_id: a, warehouse_id: destination, kind: 'TRANSFER_IN', on_hand_delta: 7 },
        { variant_id: b, warehouse_id: destination, kind: 'TRANSFER_IN', on_hand_delta: 4 },
        { variant_id: a, warehouse_id: source, kind: 'TRANSFER_OUT', on_hand_delta: -7 },
        { variant_id: b, warehouse_id: source, kind: 'TRANSFER_OUT', on_hand_delta: -4 },
      ]
        .sort((x, y) => (x.kind + x.variant_id < y.kind + y.variant_id ? -1 : 1))
        .map((m) => ({ ...m, actor_id: (TEST_OPERATOR as { staffId: string }).staffId })),
    );
  });

  it('refuses bad drafts with field paths and writes nothing', async () => {
    const v = randomUUID();
    const before = await snapshot();
    const refused = async (input: unknown) => {
      const result = await create(input);
      expect(result.transfer).toBeNull();
      expect(await snapshot()).toEqual(before);
      return result.userErrors.map((e) => [e.code, e.field?.join('.')]);
    };
    const line = [{ variantId: v, quantity: 1 }];
    expect(await refused({ fromWarehouseId: source, toWarehouseId: source, lines: line })).toEqual([
      ['SAME_WAREHOUSE', 'input.toWarehouseId'],
    ]);
    expect(await refused({ fromWarehouseId: randomUUID(), toWarehouseId: 'nope', lines: line })).toEqual([
      ['UNKNOWN_WAREHOUSE', 'input.fromWarehouseId'],
      ['UNKNOWN_WAREHOUSE', 'input.toWarehouseId'],
    ]);
    expect(await refused({ fromWarehouseId: source, toWarehouseId: destination, lines: [] })).toEqual([['INVALID', 'input.lines']]);
    expect(
      await refused({
        fromWarehouseId: source,
        toWarehouseId: destination,
        lines: [
          { variantId: v, quantity: 1 },
          { variantId: randomUUID(), quantity: 0 },
          { variantId: 'not-an-id', quantity: -3 },
          { variantId: v, quantity: 2_000_000 },
        ],
      }),
    ).toEqual([
      ['INVALID_QUANTITY', 'input.lines.1.quantity'],
      ['UNKNOWN_VARIANT', 'input.lines.2.variantId'],
      ['INVALID_QUANTITY', 'input.lines.2.quantity'],
      ['INVALID', 'input.lines.3.variantId'],
      ['INVALID_QUANTITY', 'input.lines.3.quantity'],
    ]);
  });

  it('refuses to ship from a warehouse that lacks the units, and writes nothing', async () => {
    const stocked = randomUUID();
    const missing = randomUUID();
    await stockUp(stocked, empty, 5);
    const fromEmpty = await draft([{ variantId: missing, quantity: 2 }], empty);
    const tooMany = await draft([
      { variantId: stocked, quantity: 3 },
      { variantId: missing, quantity: 1 },
    ], empty);
    const short = await draft([{ variantId: stocked, quantity: 6 }], empty);
    for (const [transfer, available] of [
      [fromEmpty, 0],
      [tooMany, 0],
      [short, 5],
    ] as const) {
      const before = await snapshot();
      const result = await ship(transfer.id);
      expect(result.transfer).toBeNull();
      expect(result.userErrors).toMatchObject([{ code: 'INSUFFICIENT_STOCK', field: ['input', 'id'], availableQuantity: available }]);
      expect(await snapshot()).toEqual(before);
    }
    expect(await levelOf(database.db, stocked, empty)).toEqual({ onHand: 5, reserved: 0 });
    const [row] = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from stock.level where variant_id = ${missing}`);
    expect(row!.n).toBe(0);
    await expectLedgerBalanced();
  });

  it('ships once when three ships of the same transfer race', async () => {
    const v = randomUUID();
    // Enough for all three: only the transfer's row lock stops the second and third.
    await stockUp(v, source, 20);
    const transfer = await draft([{ variantId: v, quantity: 6 }]);
    const results = await Promise.all([ship(transfer.id), ship(transfer.id), ship(transfer.id)]);
    const shipped = results.filter((r) => r.userErrors.length === 0);
    const refused = results.filter((r) => r.userErrors.length > 0);
    expect(shipped).toHaveLength(1);
    expect(refused.map((r) => r.userErrors[0]!.code)).toEqual(['INVALID_STATE', 'INVALID_STATE']);
    expect(await levelOf(database.db, v, source)).toEqual({ onHand: 14, reserved: 0 });
    const [row] = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from stock.movement where reference = ${transfer.number}`);
    expect(row!.n).toBe(1);

    const receives = await Promise.all([receive(transfer.id), receive(transfer.id)]);
    expect(receives.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(await levelOf(database.db, v, destination)).toEqual({ onHand: 6, reserved: 0 });
    await expectLedgerBalanced();
  });

  it('refuses every illegal transition, naming the current state, and unknown transfers', async () => {
    const v = randomUUID();
    await stockUp(v, source, 10);
    const transfer = await draft([{ variantId: v, quantity: 1 }]);
    const refusal = async (attempt: Promise<Payload>, state: string) => {
      const before = await snapshot();
      const result = await attempt;
      expect(result.transfer).toBeNull();
      expect(result.userErrors).toHaveLength(1);
      expect(result.userErrors[0]).toMatchObject({ code: 'INVALID_STATE', field: ['input', 'id'] });
      expect(result.userErrors[0]!.message).toContain(state);
      expect(await snapshot()).toEqual(before);
    };
    await refusal(receive(transfer.id), 'DRAFT');
    expect((await ship(transfer.id)).userErrors).toEqual([]);
    await refusal(ship(transfer.id), 'IN_TRANSIT');
    expect((await receive(transfer.id)).userErrors).toEqual([]);
    await refusal(ship(transfer.id), 'RECEIVED');
    await refusal(receive(transfer.id), 'RECEIVED');

    const cancelled = await draft([{ variantId: v, quantity: 1 }]);
    await database.db.execute(sql`update stock.transfer set status = 'CANCELLED' where id = ${cancelled.id}`);
    await refusal(ship(cancelled.id), 'CANCELLED');
    await refusal(receive(cancelled.id), 'CANCELLED');

    for (const id of [randomUUID(), 'not-an-id']) {
      for (const attempt of [ship, receive]) {
        const result = await attempt(id);
        expect(result.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'id'] }]);
      }
    }
    await expectLedgerBalanced();
  });

  it('lists transfers newest first with a total, page by page', async () => {
    const listed = await run(LIST, { first: 2 });
    expect(listed.errors).toBeUndefined();
    const first = dataOf<Listed>(listed).stockTransfers;
    const [row] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from stock.transfer`);
    expect(first.totalCount).toBe(row!.n);
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = dataOf<Listed>(await run(LIST, { first: 100, after: first.pageInfo.endCursor }));
    const all = [...first.edges, ...second.stockTransfers.edges].map((e) => e.node);
    expect(all).toHaveLength(row!.n);
    const times = all.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(all.map((n) => n.number)).size).toBe(all.length);
    expect(all[0]).toMatchObject({ from: { id: source, code: 'TR-SRC' }, to: { id: destination, code: 'TR-DST' } });
    expect(all[0].lines.length).toBeGreaterThan(0);
    const back = dataOf<Listed>(await run(LIST, { last: 2, before: second.stockTransfers.pageInfo.startCursor }));
    expect(back.stockTransfers.edges.map((e) => e.node.id)).toEqual(first.edges.map((e) => e.node.id));
  });
});
