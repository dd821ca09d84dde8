// GraphQL resolvers of orders: the order queries and fields, merged with each sub-area's resolvers.
import { money, type ConnectionArgs, type defineSubgraph, type Principal, type SubgraphContext } from '@shop/kit';
import { actionResolvers } from './actions/resolvers.js';
import { addressOf } from './addresses/index.js';
import { cartResolvers } from './cart/resolvers.js';
import { channelResolvers } from './channels/resolvers.js';
import { checkoutResolvers } from './checkout/resolvers.js';
import { flagResolvers } from './flags/resolvers.js';
import { lifecycleResolvers } from './lifecycle/resolvers.js';
import type { Loaders } from './loaders.js';
import { noteResolvers } from './notes/resolvers.js';
import { paymentResolvers } from './payments/resolvers.js';
import { listOrders, orderCounts, type FilterAccess, type OrderFilter, type OrderListArgs } from './service.js';
import type { OrderHistoryRow, OrderLineRow, OrderRow } from './tables.js';
import { filtersByFlags, readsContact, readsLabels, searchesContact, visibleHistory } from './visibility/index.js';

type Ctx = SubgraphContext<Loaders>;
/** The resolver map shape defineSubgraph takes. */
type Resolvers = Parameters<typeof defineSubgraph<Loaders>>[0]['resolvers'];

const filterAccess = (principal: Principal): FilterAccess => ({
  contactSearch: searchesContact(principal),
  flags: filtersByFlags(principal),
  tags: readsLabels(principal),
});

const core = {
  Query: {
    orders: (_: unknown, args: OrderListArgs, ctx: Ctx) => listOrders(ctx.db, args, filterAccess(ctx.principal)),
    orderCounts: (_: unknown, args: { filter?: OrderFilter | null }, ctx: Ctx) =>
      orderCounts(ctx.db, args.filter, filterAccess(ctx.principal)),
    /** Any order for operators; a customer's own only (the loader's row rule), null otherwise. */
    order: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.orderById.load(args.id),
    /** The signed-in customer's own orders; the member comes from the session, never from arguments. */
    myOrders: (_: unknown, args: OrderListArgs, ctx: Ctx) =>
      ctx.principal.kind === 'customer'
        ? listOrders(ctx.db, { ...args, filter: { ...args.filter, memberId: ctx.principal.memberId } }, filterAccess(ctx.principal))
        : null,
  },
  Order: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.orderById.load(ref.id),
    subtotal: (row: OrderRow) => money(row.subtotalMinor, row.currencyCode),
    shipping: (row: OrderRow) => money(row.shippingMinor, row.currencyCode),
    discount: (row: OrderRow) => money(row.discountMinor, row.currencyCode),
    tax: (row: OrderRow) => money(row.taxMinor, row.currencyCode),
    total: (row: OrderRow) => money(row.totalMinor, row.currencyCode),
    member: (row: OrderRow) => (row.memberId ? { __typename: 'Member', id: row.memberId } : null),
    lines: (row: OrderRow, _: unknown, ctx: Ctx) => ctx.loaders.linesByOrderId.load(row.id),
    shippingAddress: (row: OrderRow, _: unknown, ctx: Ctx) =>
      addressOf(row, { withContact: readsContact(ctx.principal, row.memberId) }),
    tags: (row: OrderRow, _: unknown, ctx: Ctx) => (readsLabels(ctx.principal) ? row.tags : []),
    history: async (row: OrderRow, _: unknown, ctx: Ctx) =>
      visibleHistory(await ctx.loaders.historyByOrderId.load(row.id), ctx.principal),
  },
  OrderLine: {
    unitPrice: (row: OrderLineRow) => money(row.unitPriceMinor, row.currencyCode),
    lineTotal: (row: OrderLineRow) => money(row.unitPriceMinor * BigInt(row.quantity), row.currencyCode),
    variant: (row: OrderLineRow) => ({ __typename: 'ProductVariant', id: row.variantId }),
  },
  OrderHistoryEntry: {
    actorKind: (row: OrderHistoryRow) => row.actorKind.toUpperCase(),
    // Who of the staff acted is for colleagues only.
    staff: (row: OrderHistoryRow, _: unknown, ctx: Ctx) =>
      ctx.principal.kind === 'staff' && row.actorKind === 'staff' && row.actorId ? { __typename: 'Staff', id: row.actorId } : null,
  },
  Member: {
    // Members owns the member; this subgraph only adds its orders, so the id is all it needs.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    orders: (member: { id: string }, args: ConnectionArgs, ctx: Ctx) => ctx.loaders.memberOrders(member.id, args),
  },
};

/** Each sub-area adds its roots and fields to the same types: merged type by type. */
function mergeResolvers(...maps: object[]): Resolvers {
  const merged: Record<string, object> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged as Resolvers;
}

export const resolvers = mergeResolvers(
  core,
  cartResolvers,
  checkoutResolvers,
  channelResolvers,
  lifecycleResolvers,
  noteResolvers,
  paymentResolvers,
  flagResolvers,
  actionResolvers,
);
