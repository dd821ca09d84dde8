import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { makeVariants, makeWarehouse, snapshot } from './purchasing-fixtures.js';
import { stock } from '../src/index.js';
import { dataOf } from '../../../tests/kit/shape.js';

let database: TestDatabase;
let run: ReturnType<typeof subgraphExecutor>;
let warehouseId: string;
let variants: Map<string, string>;
let cheap: string;

const SUGGESTIONS = `query ($warehouseId: ID) { replenishmentSuggestions(warehouseId: $warehouseId) {
  variant { id } warehouse { code } available onOrder velocityPerDay leadTimeDays safetyStock suggestedQuantity reason supplier { name } } }`;
const FROM_SUGGESTIONS = `mutation ($input: PurchaseOrderCreateFromSuggestionsInput!) {
  purchaseOrderCreateFromSuggestions(input: $input) {
    purchaseOrder { status lines { variant { id } quantityOrdered unitCost { amount } } } userErrors { field code } } }`;

/** One movement row written by hand, `daysAgo` in the past: the ledger as replenishment reads it. */
async function movement(variantId: string, kind: string, onHandDelta: number, reservedDelta: number, daysAgo = 1) {
  await database.db.execute(sql`
    insert into stock.movement (variant_id, warehouse_id, kind, on_hand_delta, reserved_delta, created_at)
    values (${variantId}, ${warehouseId}, ${kind}, ${onHandDelta}, ${reservedDelta}, now() - make_interval(days => ${daysAgo}))`);
}

async function level(variantId: string, onHand: number, reserved: number, safetyStock: number) {
  await database.db.execute(sql`
    insert into stock.level (variant_id, warehouse_id, on_hand, reserved, safety_stock)
    values (${variantId}, ${warehouseId}, ${onHand}, ${reserved}, ${safetyStock})`);
}

async function supplier(name: string, leadTimeDays: number, costs: [string, bigint][]): Promise<string> {
  const [row] = await database.db.execute<{ id: string }>(sql`
    insert into stock.supplier (name, lead_time_days, currency_code) values (${name}, ${leadTimeDays}, 'THB') returning id`);
  for (const [variantId, cost] of costs) {
    await database.db.execute(sql`
      insert into stock.supplier_product (supplier_id, variant_id, cost_minor) values (${row!.id}, ${variantId}, ${cost})`);
  }
  return row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  run = subgraphExecutor(stock, database.db);
  warehouseId = await makeWarehouse(database.db, 'REPL');
  variants = await makeVariants(database.db, ['R-SELLS', 'R-NOSUP', 'R-IDLE']);
  const [sells, nosup, idle] = ['R-SELLS', 'R-NOSUP', 'R-IDLE'].map((sku) => variants.get(sku)!) as [string, string, string];

  // R-SELLS: 50 reserved − 8 released + 30 shipped unreserved = 72 units in 30 days;
  // the reserved shipment adds nothing (its reservation counted) and the old reservation is outside the window.
  await level(sells, 20, 17, 10);
  await movement(sells, 'RESERVATION', 0, 50);
  await movement(sells, 'RELEASE', 0, -8);
  await movement(sells, 'SHIPMENT', -30, 0);
  await movement(sells, 'SHIPMENT', -10, -10);
  await movement(sells, 'RESERVATION', 0, 100, 40);
  cheap = await supplier('Cheap', 7, [[sells, 250n]]);
  await supplier('Fast but dear', 2, [[sells, 900n], [idle, 100n]]);

  // R-NOSUP: 1 unit a day, no supplier (7-day default), nothing in hand.
  await level(nosup, 0, 0, 0);
  await movement(nosup, 'SHIPMENT', -30, 0);

  // R-IDLE: no sales and above safety stock: no suggestion.
  await level(idle, 50, 0, 5);
});
afterAll(() => database.close());

type Suggestions = { replenishmentSuggestions: { variant: { id: string } }[] };
type FromSuggestions = { purchaseOrderCreateFromSuggestions: { userErrors: unknown[] } };

describe('replenishment', () => {
  it('suggests from velocity, the cheapest supplier’s lead time, safety stock and what is available', async () => {
    const result = await run(SUGGESTIONS, { warehouseId });
    expect(result.errors).toBeUndefined();
    expect(dataOf<Suggestions>(result).replenishmentSuggestions).toEqual([
      {
        variant: { id: variants.get('R-SELLS') },
        warehouse: { code: 'REPL' },
        available: 3,
        onOrder: 0,
        velocityPerDay: '2.40',
        leadTimeDays: 7,
        safetyStock: 10,
        // ceil(72 × 7 ÷ 30) = 17, + 10 safety − 3 available − 0 on order
        suggestedQuantity: 24,
        reason: 'sells 2.40/day, 7-day lead time, safety 10, 3 available, 0 on order',
        supplier: { name: 'Cheap' },
      },
      {
        variant: { id: variants.get('R-NOSUP') },
        warehouse: { code: 'REPL' },
        available: 0,
        onOrder: 0,
        velocityPerDay: '1.00',
        leadTimeDays: 7,
        safetyStock: 0,
        suggestedQuantity: 7,
        reason: 'sells 1.00/day, 7-day lead time, safety 0, 0 available, 0 on order',
        supplier: null,
      },
    ]);
  });

  it('drafts a PO from the suggestions for a supplier’s products, which then count as on order', async () => {
    const result = await run(FROM_SUGGESTIONS, { input: { warehouseId, supplierId: cheap } });
    expect(result.errors).toBeUndefined();
    expect(dataOf<FromSuggestions>(result).purchaseOrderCreateFromSuggestions).toEqual({
      purchaseOrder: {
        status: 'DRAFT',
        lines: [{ variant: { id: variants.get('R-SELLS') }, quantityOrdered: 24, unitCost: { amount: '2.50' } }],
      },
      userErrors: [],
    });
    const after = await run(SUGGESTIONS, { warehouseId });
    expect(dataOf<Suggestions>(after).replenishmentSuggestions.map((s) => s.variant.id)).toEqual([variants.get('R-NOSUP')]);
  });

  it('refuses when nothing the supplier offers needs reordering, or the ids are unknown, writing nothing', async () => {
    const before = await snapshot(database.db);
    const nothing = await run(FROM_SUGGESTIONS, { input: { warehouseId, supplierId: cheap } });
    expect(dataOf<FromSuggestions>(nothing).purchaseOrderCreateFromSuggestions.userErrors).toEqual([
      { field: ['input', 'supplierId'], code: 'INVALID' },
    ]);
    const unknown = await run(FROM_SUGGESTIONS, { input: { warehouseId: cheap, supplierId: warehouseId } });
    expect(dataOf<FromSuggestions>(unknown).purchaseOrderCreateFromSuggestions.userErrors).toEqual([
      { field: ['input', 'supplierId'], code: 'NOT_FOUND' },
      { field: ['input', 'warehouseId'], code: 'UNKNOWN_WAREHOUSE' },
    ]);
    expect(await snapshot(database.db)).toEqual(before);
  });
});
