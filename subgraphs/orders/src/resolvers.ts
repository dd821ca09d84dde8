// GraphQL resolvers of orders: the order queries and fields, merged with each sub-area's resolvers.
import { answeringInCallersLanguage, mergeResolvers, money } from '@shop/kit';
import { actionResolvers } from './actions/resolvers.js';
import { afterSalesResolvers } from './after-sales/resolvers.js';
import { addressOf } from './addresses/index.js';
import { batchResolvers } from './batch/resolvers.js';
import { cartResolvers } from './cart/resolvers.js';
import { cartCouponResolvers } from './cart-coupons/resolvers.js';
import { channelResolvers } from './channels/resolvers.js';
import { checkoutResolvers } from './checkout/resolvers.js';
import { dashboardResolvers } from './dashboard/resolvers.js';
import { documentResolvers } from './documents/resolvers.js';
import { flagResolvers } from './flags/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { lifecycleResolvers } from './lifecycle/resolvers.js';
import { noteResolvers } from './notes/resolvers.js';
import { paymentResolvers } from './payments/resolvers.js';
import { pricingResolvers } from './pricing/resolvers.js';
import { shipmentResolvers } from './shipments/resolvers.js';
import { qualityResolvers } from './quality/resolvers.js';
import { listOrders, orderCounts } from './service.js';
import { filterAccessOf, readsContact, readsLabels, visibleHistory } from './visibility/index.js';

/** The API's OrderActorKind of each kind a history row stores. */
const ACTOR_KINDS = { staff: 'STAFF', customer: 'CUSTOMER', partner: 'PARTNER', system: 'SYSTEM' } as const;

const core: Resolvers = {
  Query: {
    orders: (_, args, ctx) => listOrders(ctx.db, args, filterAccessOf(ctx.principal)),
    orderCounts: (_, args, ctx) =>
      orderCounts(ctx.db, args.filter, filterAccessOf(ctx.principal)),
    /** Any order for operators; a customer's own only (the loader's row rule), null otherwise. */
    order: (_, args, ctx) => ctx.loaders.orderById.load(args.id),
    /** The same row rule as order(id), and only for a customer: another customer's order is null. */
    myOrder: (_, args, ctx) => (ctx.principal.kind === 'customer' ? ctx.loaders.orderById.load(args.id) : null),
    /** The signed-in customer's own orders; the member comes from the session, never from arguments. */
    myOrders: (_, args, ctx) =>
      ctx.principal.kind === 'customer'
        ? listOrders(ctx.db, { ...args, filter: { ...args.filter, memberId: ctx.principal.memberId } }, filterAccessOf(ctx.principal))
        : null,
  },
  Order: {
    __resolveReference: (ref, ctx) => ctx.loaders.orderById.load(ref.id),
    subtotal: (row) => money(row.subtotalMinor, row.currencyCode),
    shipping: (row) => money(row.shippingMinor, row.currencyCode),
    discount: (row) => money(row.discountMinor, row.currencyCode),
    pointsDiscount: (row) => money(row.pointsDiscountMinor, row.currencyCode),
    tax: (row) => money(row.taxMinor, row.currencyCode),
    total: (row) => money(row.totalMinor, row.currencyCode),
    member: (row) => (row.memberId ? { __typename: 'Member', id: row.memberId } : null),
    lines: (row, _, ctx) => ctx.loaders.linesByOrderId.load(row.id),
    shippingAddress: (row, _, ctx) =>
      addressOf(row, { withContact: readsContact(ctx.principal, row.memberId) }),
    tags: (row, _, ctx) => (readsLabels(ctx.principal) ? row.tags : []),
    history: async (row, _, ctx) =>
      visibleHistory(await ctx.loaders.historyByOrderId.load(row.id), ctx.principal),
  },
  OrderLine: {
    unitPrice: (row) => money(row.unitPriceMinor, row.currencyCode),
    lineTotal: (row) => money(row.unitPriceMinor * BigInt(row.quantity), row.currencyCode),
    variant: (row) => ({ __typename: 'ProductVariant', id: row.variantId }),
  },
  OrderHistoryEntry: {
    actorKind: (row) => ACTOR_KINDS[row.actorKind],
    // Who of the staff acted is for colleagues only.
    staff: (row, _, ctx) =>
      ctx.principal.kind === 'staff' && row.actorKind === 'staff' && row.actorId ? { __typename: 'Staff', id: row.actorId } : null,
  },
  Member: {
    // Members owns the member; this subgraph only adds its orders, so the id is all it needs.
    __resolveReference: (ref) => ({ id: ref.id }),
    orders: (member, args, ctx) => ctx.loaders.memberOrders(member.id, args),
  },
};

/** The orders resolver map: each sub-area's resolvers merged, mutations answering in the caller's language. */
export const resolvers = answeringInCallersLanguage(mergeResolvers<Resolvers>(
  core,
  cartResolvers,
  cartCouponResolvers,
  checkoutResolvers,
  channelResolvers,
  lifecycleResolvers,
  noteResolvers,
  paymentResolvers,
  shipmentResolvers,
  flagResolvers,
  pricingResolvers,
  actionResolvers,
  afterSalesResolvers,
  qualityResolvers,
  documentResolvers,
  batchResolvers,
  dashboardResolvers,
));
