// GraphQL resolvers of stock.
import type { ConnectionArgs, SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from './loaders.js';
import { purchasingResolvers } from './purchasing/resolvers.js';
import { release, reserve, type ReservedLine } from './reservations.js';
import {
  actorIdOf,
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
import type { AlertRow, MovementRow, TransferRow } from './tables.js';
import { listTransfers, transferCreate, transferTransition, type TransferCreateInput, type TransferLineRow } from './transfers/service.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

/** Longest manual hold: a week. */
const MAX_HOLD_MINUTES = 7 * 24 * 60;

const variantRef = (variantId: string) => ({ __typename: 'ProductVariant', id: variantId });

/** A reservation as the API shows it. */
const reservationOf = (reference: string, expiresAt: Date | null, lines: ReservedLine[]) => ({ reference, expiresAt, lines });

export const resolvers = {
  // Suppliers, purchase orders, replenishment and stocktake (their own types first, then their roots below).
  ...purchasingResolvers,
  Query: {
    ...purchasingResolvers.Query,
    warehouses: (_: unknown, __: unknown, ctx: Ctx) => listWarehouses(ctx.db),
    stockLevels: (_: unknown, args: ConnectionArgs & { filter?: StockLevelFilter | null }, ctx: Ctx) => listLevels(ctx.db, args),
    stockMovements: (_: unknown, args: ConnectionArgs & { variantId: string; warehouseId?: string | null }, ctx: Ctx) =>
      listMovements(ctx.db, args),
    lowStock: (_: unknown, args: ConnectionArgs & { warehouseId?: string | null }, ctx: Ctx) => listLowStock(ctx.db, args),
    stockTransfers: (_: unknown, args: ConnectionArgs, ctx: Ctx) => listTransfers(ctx.db, args),
  },
  Mutation: {
    ...purchasingResolvers.Mutation,
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
    stockReservationCreate: async (
      _: unknown,
      { input }: Input<{ reference: string; lines: { variantId: string; quantity: number }[]; expiresInMinutes?: number | null }>,
      ctx: Ctx,
    ) => {
      const minutes = input.expiresInMinutes;
      if (minutes != null && (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_HOLD_MINUTES)) {
        return {
          userErrors: [{ field: ['input', 'expiresInMinutes'], code: 'INVALID', message: `Expiry must be 1 to ${MAX_HOLD_MINUTES} minutes.` }],
        };
      }
      const expiresAt = minutes == null ? null : new Date(Date.now() + minutes * 60_000);
      const result = await mutate(ctx, (tx) =>
        reserve(tx, input.lines, input.reference, { expiresAt, actorId: actorIdOf(ctx.principal) }),
      );
      return payload(result, (value) => ({ reservation: reservationOf(input.reference, expiresAt, value.lines) }));
    },
    stockReservationRelease: async (_: unknown, { input }: Input<{ reference: string }>, ctx: Ctx) => {
      const result = await mutate(ctx, (tx) => release(tx, input.reference, actorIdOf(ctx.principal)));
      return payload(result, (value) => ({
        reservation: reservationOf(input.reference, null, value.lines),
      }));
    },
    stockTransferCreate: async (_: unknown, { input }: Input<TransferCreateInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => transferCreate(tx, input)), (transfer) => ({ transfer })),
    stockTransferShip: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => transferTransition(tx, 'ship', input.id, actorIdOf(ctx.principal))), (transfer) => ({
        transfer,
      })),
    stockTransferReceive: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => transferTransition(tx, 'receive', input.id, actorIdOf(ctx.principal))), (transfer) => ({
        transfer,
      })),
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
  StockTransfer: {
    from: (row: TransferRow, _: unknown, ctx: Ctx) => ctx.loaders.warehouseById.load(row.fromWarehouseId),
    to: (row: TransferRow, _: unknown, ctx: Ctx) => ctx.loaders.warehouseById.load(row.toWarehouseId),
    lines: (row: TransferRow, _: unknown, ctx: Ctx) => ctx.loaders.transferLinesByTransferId.load(row.id),
  },
  StockTransferLine: {
    variant: (line: TransferLineRow) => variantRef(line.variantId),
  },
  StockReservationLine: {
    variant: (line: ReservedLine) => variantRef(line.variantId),
    warehouse: (line: ReservedLine, _: unknown, ctx: Ctx) => ctx.loaders.warehouseById.load(line.warehouseId),
  },
};
