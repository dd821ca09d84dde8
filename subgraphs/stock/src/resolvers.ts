// GraphQL resolvers of stock: warehouses and levels, merged with those of each sub-area.
import type { ConnectionArgs, SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from './loaders.js';
import type { MovementRow } from './ledger/index.js';
import type { AlertRow } from './alerts/index.js';
import { purchasingResolvers } from './purchasing/resolvers.js';
import { reservationResolvers } from './reservations/resolvers.js';
import {
  levelByKey,
  listLevels,
  listLowStock,
  listMovements,
  listWarehouses,
  stockAdjust,
  stockLevelUpdate,
  summarize,
  warehouseCreate,
  warehouseUpdate,
  type StockAdjustInput,
  type StockLevelFilter,
  type StockLevelUpdateInput,
  type WarehouseCreateInput,
  type WarehouseUpdateInput,
} from './service.js';
import { stocktakeResolvers } from './stocktake/resolvers.js';
import { transferResolvers } from './transfers/resolvers.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

const variantRef = (variantId: string) => ({ __typename: 'ProductVariant', id: variantId });

export const resolvers = {
  // Each sub-area's own types first, then its roots merged below.
  ...purchasingResolvers,
  ...stocktakeResolvers,
  ...transferResolvers,
  ...reservationResolvers,
  Query: {
    ...purchasingResolvers.Query,
    ...transferResolvers.Query,
    warehouses: (_: unknown, __: unknown, ctx: Ctx) => listWarehouses(ctx.db),
    stockLevels: (_: unknown, args: ConnectionArgs & { filter?: StockLevelFilter | null }, ctx: Ctx) => listLevels(ctx.db, args),
    stockMovements: (_: unknown, args: ConnectionArgs & { variantId: string; warehouseId?: string | null }, ctx: Ctx) =>
      listMovements(ctx.db, args),
    lowStock: (_: unknown, args: ConnectionArgs & { warehouseId?: string | null }, ctx: Ctx) => listLowStock(ctx.db, args),
  },
  Mutation: {
    ...purchasingResolvers.Mutation,
    ...stocktakeResolvers.Mutation,
    ...transferResolvers.Mutation,
    ...reservationResolvers.Mutation,
    warehouseCreate: async (_: unknown, { input }: Input<WarehouseCreateInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => warehouseCreate(tx, input)), (warehouse) => ({ warehouse })),
    warehouseUpdate: async (_: unknown, { input }: Input<WarehouseUpdateInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => warehouseUpdate(tx, input, changes)), (warehouse) => ({ warehouse })),
    stockLevelUpdate: async (_: unknown, { input }: Input<StockLevelUpdateInput>, ctx: Ctx) => {
      const result = await mutate(ctx, (tx, changes) => stockLevelUpdate(tx, input, changes));
      return payload(result, () => ({ stockLevel: levelByKey(ctx.db, input.variantId, input.warehouseId) }));
    },
    stockAdjust: async (_: unknown, { input }: Input<StockAdjustInput>, ctx: Ctx) => {
      const result = await mutate(ctx, (tx) => stockAdjust(tx, ctx.principal, input));
      return payload(result, (key) => ({ stockLevel: levelByKey(ctx.db, key.variantId, key.warehouseId) }));
    },
  },
  Warehouse: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.warehouseById.load(ref.id),
  },
  ProductVariant: {
    // Products owns the variant; this subgraph only adds its stock, so the id is all it needs.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    stock: async (variant: { id: string }, _: unknown, ctx: Ctx) =>
      summarize(await ctx.loaders.levelsByVariantId.load(variant.id)),
  },
  StockLevel: {
    variant: (row: { variantId: string }) => variantRef(row.variantId),
  },
  StockMovement: {
    warehouse: (row: MovementRow, _: unknown, ctx: Ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
  },
  StockAlert: {
    variant: (row: AlertRow) => variantRef(row.variantId),
    warehouse: (row: AlertRow, _: unknown, ctx: Ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
  },
};
