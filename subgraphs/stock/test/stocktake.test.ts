import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { levelOf, makeVariants, makeWarehouse, snapshot } from './purchasing-fixtures.js';
import { stock } from '../src/index.js';
import { dataOf } from '../../../tests/kit/shape.js';

let database: TestDatabase;
let run: ReturnType<typeof subgraphExecutor>;
let warehouseId: string;
let ids: Map<string, string>;

const PREVIEW = `mutation ($input: StocktakePreviewInput!) { stocktakePreview(input: $input) {
  lines { sku variant { id } counted onHand difference } userErrors { field code message availableQuantity } } }`;
const APPLY = `mutation ($input: StocktakeApplyInput!) { stocktakeApply(input: $input) {
  applied userErrors { field code message availableQuantity } } }`;

beforeAll(async () => {
  database = await createTestDatabase();
  run = subgraphExecutor(stock, database.db);
  warehouseId = await makeWarehouse(database.db, 'COUNT');
  ids = await makeVariants(database.db, ['ST-1', 'ST-2', 'ST-3', 'ST-4']);
  await database.db.execute(sql`
    insert into stock.level (variant_id, warehouse_id, on_hand, reserved)
    values (${ids.get('ST-1')}, ${warehouseId}, 10, 0), (${ids.get('ST-2')}, ${warehouseId}, 8, 6),
           (${ids.get('ST-3')}, ${warehouseId}, 5, 0)`);
});
afterAll(() => database.close());

type PreviewLine = { sku: string; variant: { id: string }; counted: number; onHand: number; difference: number };
type Apply = { stocktakeApply: { applied: number; userErrors: { field: string[]; code: string }[] } };

async function preview(csv: string) {
  const result = await run(PREVIEW, { input: { warehouseId, csv } });
  expect(result.errors).toBeUndefined();
  return dataOf<{ stocktakePreview: { lines: PreviewLine[]; userErrors: { field: string[]; code: string; availableQuantity: number | null }[] } }>(result).stocktakePreview;
}

async function refusedApply(csv: string, target = warehouseId) {
  const before = await snapshot(database.db);
  const result = await run(APPLY, { input: { warehouseId: target, csv } });
  expect(result.errors).toBeUndefined();
  expect(await snapshot(database.db)).toEqual(before);
  expect(dataOf<Apply>(result).stocktakeApply.applied).toBe(0);
  return dataOf<Apply>(result).stocktakeApply.userErrors;
}

describe('stocktake', () => {
  it('reports every bad row by its line, and apply refuses the whole sheet', async () => {
    const csv = 'sku,counted\nST-1,7\nNOPE,3\nST-3,-1\nST-1,9\nST-2,5\nST-4,x\n';
    const { lines, userErrors } = await preview(csv);
    expect(userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([
      ['input.csv.3', 'UNKNOWN_SKU'],
      ['input.csv.4', 'INVALID_QUANTITY'],
      ['input.csv.5', 'INVALID_CSV'],
      ['input.csv.6', 'INSUFFICIENT_STOCK'],
      ['input.csv.7', 'INVALID_QUANTITY'],
    ]);
    expect(userErrors[3].availableQuantity).toBe(2);
    expect(lines).toEqual([{ sku: 'ST-1', variant: { id: ids.get('ST-1') }, counted: 7, onHand: 10, difference: -3 }]);
    expect((await refusedApply(csv)).length).toBe(5);
  });

  it('refuses a sheet without the header, unreadable CSV and an unknown warehouse', async () => {
    expect(await refusedApply('sku;counted\nST-1;1')).toMatchObject([{ code: 'INVALID_CSV', field: ['input', 'csv'] }]);
    expect(await refusedApply('sku,counted\nST-1,1,2')).toMatchObject([{ code: 'INVALID_CSV' }]);
    expect(await refusedApply('sku,counted\n')).toMatchObject([{ code: 'INVALID_CSV' }]);
    expect(await refusedApply('sku,counted\nST-1,1', ids.get('ST-1'))).toMatchObject([
      { code: 'UNKNOWN_WAREHOUSE', field: ['input', 'warehouseId'] },
    ]);
  });

  it('applies exactly the differences the preview showed, as STOCKTAKE movements', async () => {
    // ST-4 has no level yet: counted stock creates it.
    const csv = 'SKU,Counted\r\n"ST-1",12\r\nST-2,6\r\nST-3,5\r\nST-4,4\r\n';
    const { lines, userErrors } = await preview(csv);
    expect(userErrors).toEqual([]);
    const result = await run(APPLY, { input: { warehouseId, csv } });
    expect(dataOf<Apply>(result).stocktakeApply).toEqual({ applied: 3, userErrors: [] });
    for (const line of lines) {
      expect((await levelOf(database.db, line.variant.id, warehouseId)).onHand).toBe(line.onHand + line.difference);
    }
    const moves = await database.db.execute<{ variant_id: string; on_hand_delta: number }>(sql`
      select variant_id, on_hand_delta from stock.movement where kind = 'STOCKTAKE' order by on_hand_delta`);
    expect(moves.map((m) => [m.variant_id, m.on_hand_delta])).toEqual(
      lines
        .filter((l: any) => l.difference !== 0)
        .map((l: any) => [l.variant.id, l.difference])
        .sort((a: any, b: any) => a[1] - b[1]),
    );
    expect((await preview(csv)).lines.every((l) => l.difference === 0)).toBe(true);
  });
});
