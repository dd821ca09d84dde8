import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { log, statementCounter } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { stock } from '../src/index.js';
import { seed } from '../src/seed.js';
import { makeStockPlan } from './factories.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';

let database: TestDatabase;
const plan = makeStockPlan({ variants: 4, warehouses: 2 });

beforeAll(async () => {
  // One connection: a fresh pool connection adds set-up statements that would skew the counts.
  database = await createTestDatabase({ max: 1 });
  await database.db.transaction((tx) => seed(tx, plan));
});
afterAll(() => database.close());

async function execute(source: string, variableValues?: Record<string, unknown>) {
  const contextValue = stock.createContext({ db: database.db, principal: TEST_OPERATOR, requestId: 't', log, changes: [] });
  const before = statementCounter.count;
  const result = await graphql({ schema: stock.schema, source, contextValue, variableValues });
  return { ...result, statements: statementCounter.count - before };
}

describe('stock graph', () => {
  it('lists warehouses in picking order', async () => {
    const result = await execute('{ warehouses { code name priority active } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      warehouses: [
        { code: 'WH-2', name: 'Warehouse 2', priority: 1, active: true },
        { code: 'WH-1', name: 'Warehouse 1', priority: 2, active: true },
      ],
    });
  });

  it('resolves the stock of many variants through _entities in one query', async () => {
    const variantIds = [...new Set(plan.levels.map((l) => l.variantId))];
    const unknown = randomUUID();
    const result = await execute(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on ProductVariant {
            id
            stock { onHand reserved available levels { warehouse { code } onHand reserved available } }
          }
        }
      }`,
      {
        representations: [...variantIds, unknown].map((id) => ({ __typename: 'ProductVariant', id })),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.statements).toBe(1);
    const entities = result.data!._entities as {
      id: string;
      stock: { onHand: number; levels: { warehouse: { code: string }; onHand: number }[] };
    }[];
    expect(entities).toHaveLength(5);
    expect(entities[0]).toEqual({
      id: variantIds[0],
      stock: {
        onHand: 21,
        reserved: 0,
        available: 21,
        levels: [
          { warehouse: { code: 'WH-2' }, onHand: 11, reserved: 0, available: 11 },
          { warehouse: { code: 'WH-1' }, onHand: 10, reserved: 0, available: 10 },
        ],
      },
    });
    expect(entities[3]!.stock.onHand).toBe(81);
    expect(entities[4]).toEqual({
      id: unknown,
      stock: { onHand: 0, reserved: 0, available: 0, levels: [] },
    });
  });

  it('resolves warehouses through _entities, null for an unknown id', async () => {
    const result = await execute(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Warehouse { id code } }
      }`,
      {
        representations: [
          { __typename: 'Warehouse', id: plan.warehouses[0]!.id },
          { __typename: 'Warehouse', id: randomUUID() },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ id: plan.warehouses[0]!.id, code: 'WH-1' }, null] });
    expect(result.statements).toBe(1);
  });
});
