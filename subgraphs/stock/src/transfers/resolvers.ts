// Transfers: GraphQL resolvers and permissions of stock transfers between warehouses.
import type { ConnectionArgs, SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Loaders } from '../loaders.js';
import { actorIdOf } from '../service.js';
import type { TransferLoaders } from './loaders.js';
import { listTransfers, transferCreate, transferTransition, type TransferCreateInput, type TransferLineRow } from './service.js';
import type { TransferRow } from './tables.js';

type Ctx = SubgraphContext<TransferLoaders & Pick<Loaders, 'warehouseById'>>;
type Input<T> = { input: T };

const variantRef = (variantId: string) => ({ __typename: 'ProductVariant', id: variantId });

export const transferResolvers = {
  Query: {
    stockTransfers: (_: unknown, args: ConnectionArgs, ctx: Ctx) => listTransfers(ctx.db, args),
  },
  Mutation: {
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
  StockTransfer: {
    from: (row: TransferRow, _: unknown, ctx: Ctx) => ctx.loaders.warehouseById.load(row.fromWarehouseId),
    to: (row: TransferRow, _: unknown, ctx: Ctx) => ctx.loaders.warehouseById.load(row.toWarehouseId),
    lines: (row: TransferRow, _: unknown, ctx: Ctx) => ctx.loaders.transferLinesByTransferId.load(row.id),
  },
  StockTransferLine: {
    variant: (line: TransferLineRow) => variantRef(line.variantId),
  },
};

/** Transfers are back-office work; the gateway checked stock:read / stock:write. */
export const transferPermissions: EntryPointRules = {
  Query: { stockTransfers: rules.operator },
  Mutation: { stockTransferCreate: rules.operator, stockTransferShip: rules.operator, stockTransferReceive: rules.operator },
};
