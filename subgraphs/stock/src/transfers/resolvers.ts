// Transfers: GraphQL resolvers and permissions of stock transfers between warehouses.
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actorIdOf } from '../service.js';
import { listTransfers, transferCreate, transferTransition } from './service.js';

const variantRef = (variantId: string): { __typename: 'ProductVariant'; id: string } => ({ __typename: 'ProductVariant', id: variantId });

export const transferResolvers: Resolvers = {
  Query: {
    stockTransfers: (_, args, ctx) => listTransfers(ctx.db, args),
  },
  Mutation: {
    stockTransferCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => transferCreate(tx, input)), (transfer) => ({ transfer })),
    stockTransferShip: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => transferTransition(tx, 'ship', input.id, actorIdOf(ctx.principal))), (transfer) => ({
        transfer,
      })),
    stockTransferReceive: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => transferTransition(tx, 'receive', input.id, actorIdOf(ctx.principal))), (transfer) => ({
        transfer,
      })),
  },
  StockTransfer: {
    from: (row, _, ctx) => ctx.loaders.warehouseById.load(row.fromWarehouseId),
    to: (row, _, ctx) => ctx.loaders.warehouseById.load(row.toWarehouseId),
    lines: (row, _, ctx) => ctx.loaders.transferLinesByTransferId.load(row.id),
  },
  StockTransferLine: {
    variant: (line) => variantRef(line.variantId),
  },
};

/** Transfers are back-office work; the gateway checked stock:read / stock:write. */
export const transferPermissions: EntryPointRules = {
  Query: { stockTransfers: rules.operator },
  Mutation: { stockTransferCreate: rules.operator, stockTransferShip: rules.operator, stockTransferReceive: rules.operator },
};
