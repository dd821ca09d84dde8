// GraphQL resolvers of stock: warehouses and levels, merged with those of each sub-area.
import { mutate, payload } from '@shop/kit/mutation';
import { dashboardResolvers } from './dashboard/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
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
} from './service.js';
import { stocktakeResolvers } from './stocktake/resolvers.js';
import { transferResolvers } from './transfers/resolvers.js';

const variantRef = (variantId: string): { __typename: 'ProductVariant'; id: string } => ({ __typename: 'ProductVariant', id: variantId });

export const resolvers: Resolvers = {
  // Each sub-area's own types first, then its roots merged below.
  ...purchasingResolvers,
  ...stocktakeResolvers,
  ...transferResolvers,
  ...reservationResolvers,
  ...dashboardResolvers,
  Query: {
    ...purchasingResolvers.Query,
    ...transferResolvers.Query,
    warehouses: (_, __, ctx) => listWarehouses(ctx.db),
    stockLevels: (_, args, ctx) => listLevels(ctx.db, args),
    stockMovements: (_, args, ctx) => listMovements(ctx.db, args),
    lowStock: (_, args, ctx) => listLowStock(ctx.db, args),
  },
  Mutation: {
    ...purchasingResolvers.Mutation,
    ...stocktakeResolvers.Mutation,
    ...transferResolvers.Mutation,
    ...reservationResolvers.Mutation,
    warehouseCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => warehouseCreate(tx, input)), (warehouse) => ({ warehouse })),
    warehouseUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => warehouseUpdate(tx, input, changes)), (warehouse) => ({ warehouse })),
    stockLevelUpdate: async (_, { input }, ctx) => {
      const result = await mutate(ctx, (tx, changes) => stockLevelUpdate(tx, input, changes));
      return payload(result, () => ({ stockLevel: levelByKey(ctx.db, input.variantId, input.warehouseId) }));
    },
    stockAdjust: async (_, { input }, ctx) => {
      const result = await mutate(ctx, (tx) => stockAdjust(tx, ctx.principal, input));
      return payload(result, (key) => ({ stockLevel: levelByKey(ctx.db, key.variantId, key.warehouseId) }));
    },
  },
  Warehouse: {
    __resolveReference: (ref, ctx) => ctx.loaders.warehouseById.load(ref.id),
  },
  ProductVariant: {
    // Products owns the variant; this subgraph only adds its stock, so the id is all it needs.
    __resolveReference: (ref) => ({ id: ref.id }),
    stock: async (variant, _, ctx) => summarize(await ctx.loaders.levelsByVariantId.load(variant.id)),
  },
  StockLevel: {
    variant: (row) => variantRef(row.variantId),
  },
  StockMovement: {
    warehouse: (row, _, ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
  },
  StockAlert: {
    variant: (row) => variantRef(row.variantId),
    warehouse: (row, _, ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
  },
};
