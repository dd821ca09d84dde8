// Purchasing: GraphQL resolvers and permissions of suppliers and purchase orders.
import { codedError, money, type ConnectionArgs, type Principal, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Loaders } from '../loaders.js';
import type { PurchasingLoaders } from './loaders.js';
import {
  listPurchaseOrders,
  purchaseOrderCreate,
  purchaseOrderReceive,
  purchaseOrderTransition,
  totalMinor,
  type LineInput,
} from './purchase-orders.js';
import type {
  PurchaseOrderLineRow,
  PurchaseOrderRow,
  PurchaseOrderStatus,
  SupplierProductRow,
  SupplierRow,
} from './tables.js';
import { purchaseOrderCreateFromSuggestions, replenishmentSuggestions, type ReplenishmentSuggestion } from './replenishment.js';
import { listSuppliers, supplierCreate, supplierProductSet, supplierUpdate, type SupplierFields } from './suppliers.js';

type Ctx = SubgraphContext<PurchasingLoaders & Pick<Loaders, 'warehouseById'>>;
type Input<T> = { input: T };

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

export const purchasingResolvers = {
  Query: {
    suppliers: (_: unknown, args: ConnectionArgs, ctx: Ctx) => listSuppliers(ctx.db, args),
    purchaseOrders: (_: unknown, args: ConnectionArgs & { status?: PurchaseOrderStatus[] | null }, ctx: Ctx) =>
      listPurchaseOrders(ctx.db, args),
    purchaseOrder: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.purchaseOrderById.load(args.id),
    replenishmentSuggestions: (_: unknown, args: { warehouseId?: string | null; first?: number | null }, ctx: Ctx) => {
      const limit = args.first ?? DEFAULT_SUGGESTIONS;
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SUGGESTIONS) {
        throw codedError('BAD_USER_INPUT', `first must be between 0 and ${MAX_SUGGESTIONS}.`, { argument: 'first' });
      }
      return replenishmentSuggestions(ctx.db, { warehouseId: args.warehouseId, limit });
    },
  },
  Mutation: {
    supplierCreate: async (_: unknown, { input }: Input<SupplierFields>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => supplierCreate(tx, input)), (supplier) => ({ supplier })),
    supplierUpdate: async (_: unknown, { input }: Input<SupplierFields & { id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => supplierUpdate(tx, input, changes)), (supplier) => ({ supplier })),
    supplierProductSet: async (
      _: unknown,
      { input }: Input<{ supplierId: string; variantId: string; cost: string }>,
      ctx: Ctx,
    ) =>
      payload(await mutate(ctx, (tx) => supplierProductSet(tx, input)), (row) => ({
        supplierProduct: row,
        supplier: ctx.loaders.supplierById.load(row.supplierId),
      })),
    purchaseOrderCreate: async (
      _: unknown,
      { input }: Input<{ supplierId: string; warehouseId: string; lines: LineInput[] }>,
      ctx: Ctx,
    ) => payload(await mutate(ctx, (tx) => purchaseOrderCreate(tx, input)), (purchaseOrder) => ({ purchaseOrder })),
    purchaseOrderCreateFromSuggestions: async (
      _: unknown,
      { input }: Input<{ supplierId: string; warehouseId: string }>,
      ctx: Ctx,
    ) =>
      payload(await mutate(ctx, (tx) => purchaseOrderCreateFromSuggestions(tx, input)), (purchaseOrder) => ({
        purchaseOrder,
      })),
    purchaseOrderOrder: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => purchaseOrderTransition(tx, 'order', input)), (purchaseOrder) => ({
        purchaseOrder,
      })),
    purchaseOrderReceive: async (
      _: unknown,
      { input }: Input<{ id: string; lines: { lineId: string; quantity: number }[] }>,
      ctx: Ctx,
    ) =>
      payload(
        await mutate(ctx, (tx) => purchaseOrderReceive(tx, actorIdOf(ctx.principal), input)),
        (purchaseOrder) => ({ purchaseOrder }),
      ),
    purchaseOrderCancel: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => purchaseOrderTransition(tx, 'cancel', input)), (purchaseOrder) => ({
        purchaseOrder,
      })),
    purchaseOrderClose: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => purchaseOrderTransition(tx, 'close', input)), (purchaseOrder) => ({
        purchaseOrder,
      })),
  },
  Supplier: {
    products: async (row: SupplierRow, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.supplierProductsBySupplierId.load(row.id)).map((product) => ({
        ...product,
        currencyCode: row.currencyCode,
      })),
  },
  SupplierProduct: {
    variant: variantRef,
    cost: (row: SupplierProductRow & { currencyCode: string }) => money(row.costMinor, row.currencyCode),
  },
  PurchaseOrder: {
    supplier: (row: PurchaseOrderRow, _: unknown, ctx: Ctx) => ctx.loaders.supplierById.load(row.supplierId),
    warehouse: (row: PurchaseOrderRow, _: unknown, ctx: Ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
    lines: async (row: PurchaseOrderRow, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.purchaseOrderLinesByOrderId.load(row.id)).map((line) => ({
        ...line,
        currencyCode: row.currencyCode,
      })),
    total: async (row: PurchaseOrderRow, _: unknown, ctx: Ctx) =>
      money(totalMinor(await ctx.loaders.purchaseOrderLinesByOrderId.load(row.id)), row.currencyCode),
  },
  PurchaseOrderLine: {
    variant: variantRef,
    unitCost: (row: PurchaseOrderLineRow & { currencyCode: string }) => money(row.unitCostMinor, row.currencyCode),
  },
  ReplenishmentSuggestion: {
    variant: variantRef,
    warehouse: (row: ReplenishmentSuggestion, _: unknown, ctx: Ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
    supplier: (row: ReplenishmentSuggestion, _: unknown, ctx: Ctx) =>
      row.supplierId === null ? null : ctx.loaders.supplierById.load(row.supplierId),
  },
};

/** Entry-point rules for the fields above: back-office only; scopes are the gateway's check. */
export const purchasingPermissions = {
  Query: Object.fromEntries(Object.keys(purchasingResolvers.Query).map((field) => [field, rules.operator])),
  Mutation: Object.fromEntries(Object.keys(purchasingResolvers.Mutation).map((field) => [field, rules.operator])),
} satisfies EntryPointRules;
