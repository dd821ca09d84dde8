// Purchasing: GraphQL resolvers and permissions of suppliers and purchase orders.
import { codedError, money, type Principal } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import {
  listPurchaseOrders,
  purchaseOrderCreate,
  purchaseOrderReceive,
  purchaseOrderTransition,
  totalMinor,
} from './purchase-orders.js';
import { purchaseOrderCreateFromSuggestions, replenishmentSuggestions } from './replenishment.js';
import { listSuppliers, supplierCreate, supplierProductSet, supplierUpdate } from './suppliers.js';

// Suggestions are computed, not paged: a bound keeps one request from listing every level.
const MAX_SUGGESTIONS = 500;
const DEFAULT_SUGGESTIONS = 100;

/** Who the ledger records as the actor: the staff member or API key; null otherwise. */
function actorIdOf(principal: Principal): string | null {
  if (principal.kind === 'staff') return principal.staffId;
  if (principal.kind === 'partner') return principal.apiKeyId;
  return null;
}

/** A variant reference for the products subgraph to resolve. */
const variantRef = (row: { variantId: string }) => ({ id: row.variantId });

// `satisfies`, not a declared type: the permissions below list the Query and Mutation fields it has.
export const purchasingResolvers = {
  Query: {
    suppliers: (_, args, ctx) => listSuppliers(ctx.db, args),
    purchaseOrders: (_, args, ctx) => listPurchaseOrders(ctx.db, args),
    purchaseOrder: (_, args, ctx) => ctx.loaders.purchaseOrderById.load(args.id),
    replenishmentSuggestions: (_, args, ctx) => {
      const limit = args.first ?? DEFAULT_SUGGESTIONS;
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SUGGESTIONS) {
        throw codedError('BAD_USER_INPUT', `first must be between 0 and ${MAX_SUGGESTIONS}.`, { argument: 'first' });
      }
      return replenishmentSuggestions(ctx.db, { warehouseId: args.warehouseId, limit });
    },
  },
  Mutation: {
    supplierCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => supplierCreate(tx, input)), (supplier) => ({ supplier })),
    supplierUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => supplierUpdate(tx, input, changes)), (supplier) => ({ supplier })),
    supplierProductSet: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => supplierProductSet(tx, input)), (row) => ({
        supplierProduct: row,
        supplier: ctx.loaders.supplierById.load(row.supplierId),
      })),
    purchaseOrderCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => purchaseOrderCreate(tx, input)), (purchaseOrder) => ({ purchaseOrder })),
    purchaseOrderCreateFromSuggestions: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => purchaseOrderCreateFromSuggestions(tx, input)), (purchaseOrder) => ({
        purchaseOrder,
      })),
    purchaseOrderOrder: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => purchaseOrderTransition(tx, 'order', input)), (purchaseOrder) => ({
        purchaseOrder,
      })),
    purchaseOrderReceive: async (_, { input }, ctx) =>
      payload(
        await mutate(ctx, (tx) => purchaseOrderReceive(tx, actorIdOf(ctx.principal), input)),
        (purchaseOrder) => ({ purchaseOrder }),
      ),
    purchaseOrderCancel: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => purchaseOrderTransition(tx, 'cancel', input)), (purchaseOrder) => ({
        purchaseOrder,
      })),
    purchaseOrderClose: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => purchaseOrderTransition(tx, 'close', input)), (purchaseOrder) => ({
        purchaseOrder,
      })),
  },
  Supplier: {
    products: async (row, _, ctx) =>
      (await ctx.loaders.supplierProductsBySupplierId.load(row.id)).map((product) => ({
        ...product,
        currencyCode: row.currencyCode,
      })),
  },
  SupplierProduct: {
    variant: variantRef,
    cost: (row) => money(row.costMinor, row.currencyCode),
  },
  PurchaseOrder: {
    supplier: (row, _, ctx) => ctx.loaders.supplierById.load(row.supplierId),
    warehouse: (row, _, ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
    lines: async (row, _, ctx) =>
      (await ctx.loaders.purchaseOrderLinesByOrderId.load(row.id)).map((line) => ({
        ...line,
        currencyCode: row.currencyCode,
      })),
    total: async (row, _, ctx) =>
      money(totalMinor(await ctx.loaders.purchaseOrderLinesByOrderId.load(row.id)), row.currencyCode),
  },
  PurchaseOrderLine: {
    variant: variantRef,
    unitCost: (row) => money(row.unitCostMinor, row.currencyCode),
    receipts: (row, _, ctx) => ctx.loaders.receiptsByPurchaseOrderLineId.load(row.id),
  },
  PurchaseOrderReceipt: {
    receivedAt: (row) => row.createdAt,
  },
  ReplenishmentSuggestion: {
    variant: variantRef,
    warehouse: (row, _, ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
    supplier: (row, _, ctx) =>
      row.supplierId === null ? null : ctx.loaders.supplierById.load(row.supplierId),
  },
} satisfies Resolvers;

/** Entry-point rules for the fields above: back-office only; scopes are the gateway's check. */
export const purchasingPermissions = {
  Query: Object.fromEntries(Object.keys(purchasingResolvers.Query).map((field) => [field, rules.operator])),
  Mutation: Object.fromEntries(Object.keys(purchasingResolvers.Mutation).map((field) => [field, rules.operator])),
} satisfies EntryPointRules;
