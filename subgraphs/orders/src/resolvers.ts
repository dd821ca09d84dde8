import { money, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import type { Loaders } from './loaders.js';
import { listOrders, type OrderListArgs } from './service.js';
import type { OrderLineRow, OrderRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Query: {
    orders: (_: unknown, args: OrderListArgs, ctx: Ctx) => listOrders(ctx.db, args),
    order: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.orderById.load(args.id),
    /** The signed-in customer's own orders; the member comes from the session, never from arguments. */
    myOrders: (_: unknown, args: OrderListArgs, ctx: Ctx) =>
      ctx.principal.kind === 'customer'
        ? listOrders(ctx.db, { ...args, filter: { ...args.filter, memberId: ctx.principal.memberId } })
        : null,
  },
  Order: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.orderById.load(ref.id),
    total: (row: OrderRow) => money(row.totalMinor, row.currencyCode),
    member: (row: OrderRow) => (row.memberId ? { __typename: 'Member', id: row.memberId } : null),
    lines: (row: OrderRow, _: unknown, ctx: Ctx) => ctx.loaders.linesByOrderId.load(row.id),
  },
  OrderLine: {
    unitPrice: (row: OrderLineRow) => money(row.unitPriceMinor, row.currencyCode),
    variant: (row: OrderLineRow) => ({ __typename: 'ProductVariant', id: row.variantId }),
  },
  Member: {
    // Members owns the member; this subgraph only adds its orders, so the id is all it needs.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    orders: (member: { id: string }, args: ConnectionArgs, ctx: Ctx) =>
      ctx.loaders.memberOrders(member.id, args),
  },
};
