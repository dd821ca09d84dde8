// GraphQL resolvers of orders: orders, carts, checkout and history.
import { eq } from 'drizzle-orm';
import { money, type ConnectionArgs, type Db, type defineSubgraph, type Principal, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { addressOf, isAddressComplete } from './address.js';
import {
  cartCreate,
  cartFor,
  cartLinesAdd,
  cartLinesRemove,
  cartLinesUpdate,
  cartSetAddress,
  cartSetShippingMethod,
  type LineInput,
} from './cart.js';
import { orderCreate, orderImport, type OrderCreateInput, type OrderImportInput } from './channels.js';
import { checkoutComplete, type CheckoutInput } from './checkout.js';
import { flagResolvers } from './flags/resolvers.js';
import { actorOf } from './history.js';
import { shipOrder, transitionOrder } from './lifecycle.js';
import type { Loaders } from './loaders.js';
import { orderNoteAdd, orderTagsChange } from './notes.js';
import { paymentResolvers } from './payments/resolvers.js';
import { priceOrder, SHIPPING_METHODS, shippingFee, type ShippingMethod } from './pricing.js';
import { listOrders, orderCounts, type FilterAccess, type OrderFilter, type OrderListArgs } from './service.js';
import type { AddressInput } from './address.js';
import { filtersByFlags, readsContact, readsLabels, searchesContact, visibleHistory } from './visibility.js';
import { order, type CartLineRow, type CartRow, type OrderHistoryRow, type OrderLineRow, type OrderRow, type OrderStatus } from './tables.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };
/** The resolver map shape defineSubgraph takes. */
type Resolvers = Parameters<typeof defineSubgraph<Loaders>>[0]['resolvers'];

const orderPayload = (row: OrderRow) => ({ order: row });

const filterAccess = (principal: Principal): FilterAccess => ({
  contactSearch: searchesContact(principal),
  flags: filtersByFlags(principal),
  tags: readsLabels(principal),
});
const cartPayload = (row: CartRow) => ({ cart: row });

/** A cart line with the catalog's current data; null price when the variant is gone. */
async function liveLine(line: CartLineRow, ctx: Ctx) {
  const variant = await ctx.loaders.variantById.load(line.variantId);
  return { line, variant, sellable: Boolean(variant?.sellable) };
}

/** What the cart would cost now; lines no longer for sale are left out. */
async function cartCost(row: CartRow, ctx: Ctx, shippingMethod: ShippingMethod | null = row.shippingMethod as ShippingMethod | null) {
  const lines = await Promise.all((await ctx.loaders.cartLinesByCartId.load(row.id)).map((l) => liveLine(l, ctx)));
  return priceOrder({
    currencyCode: row.currencyCode,
    lines: lines
      .filter((l) => l.sellable)
      .map((l) => ({ variantId: l.line.variantId, quantity: l.line.quantity, unitPriceMinor: l.variant!.priceMinor })),
    shippingMethod,
    memberId: row.memberId,
  });
}

/** Runs an order lifecycle transition as one mutation. */
const transition =
  (to: OrderStatus, noteOf: (input: { id: string; reason?: string | null }) => string | null = (i) => i.reason?.trim() || null) =>
  async (_: unknown, { input }: Input<{ id: string; reason?: string | null }>, ctx: Ctx) =>
    payload(
      await mutate(ctx, (tx) => transitionOrder(tx, { orderId: input.id, to, actor: actorOf(ctx.principal), note: noteOf(input) })),
      orderPayload,
    );

/** A cart mutation: the service call in one transaction, the cart as payload. */
const cartMutation =
  <T>(run: (tx: Db, principal: Principal, input: T) => ReturnType<typeof cartCreate>) =>
  async (_: unknown, { input }: Input<T>, ctx: Ctx) =>
    payload(await mutate(ctx, (tx) => run(tx, ctx.principal, input)), cartPayload);

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
    cart: (_: unknown, args: { id: string }, ctx: Ctx) => cartFor(ctx.db, args.id, ctx.principal),
  },
  Mutation: {
    cartCreate: cartMutation(cartCreate),
    cartLinesAdd: cartMutation<{ cartId: string; lines: LineInput[] }>(cartLinesAdd),
    cartLinesUpdate: cartMutation<{ cartId: string; lines: { id: string; quantity: number }[] }>(cartLinesUpdate),
    cartLinesRemove: cartMutation<{ cartId: string; lineIds: string[] }>(cartLinesRemove),
    cartSetAddress: cartMutation<{ cartId: string; address: AddressInput }>(cartSetAddress),
    cartSetShippingMethod: cartMutation<{ cartId: string; shippingMethod: ShippingMethod }>(cartSetShippingMethod),
    checkoutComplete: async (_: unknown, { input }: Input<CheckoutInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => checkoutComplete(tx, ctx.principal, input)), (row) => ({
        // Only a customer reads the order itself; anyone else (guests) the confirmation.
        order: ctx.principal.kind === 'customer' ? row : null,
        confirmation: { orderId: row.id, number: row.number, status: 'PENDING_PAYMENT', total: money(row.totalMinor, row.currencyCode) },
      })),
    orderCreate: async (_: unknown, { input }: Input<OrderCreateInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderCreate(tx, ctx.principal, input)), orderPayload),
    orderImport: async (_: unknown, { input }: Input<OrderImportInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderImport(tx, ctx.principal, input)), orderPayload),
    orderCancel: transition('CANCELLED'),
    orderClose: transition('CLOSED'),
    orderFulfil: transition('FULFILLING'),
    orderMarkDelivered: transition('DELIVERED'),
    orderComplete: transition('COMPLETED'),
    orderShip: async (_: unknown, { input }: Input<{ id: string; carrier: string; trackingNumber: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => shipOrder(tx, actorOf(ctx.principal), input)), orderPayload),
    orderNoteAdd: async (_: unknown, { input }: Input<{ id: string; note: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderNoteAdd(tx, actorOf(ctx.principal), input)), orderPayload),
    orderTagsAdd: async (_: unknown, { input }: Input<{ id: string; tags: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderTagsChange(tx, actorOf(ctx.principal), input, 'ADD')), orderPayload),
    orderTagsRemove: async (_: unknown, { input }: Input<{ id: string; tags: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderTagsChange(tx, actorOf(ctx.principal), input, 'REMOVE')), orderPayload),
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
  Cart: {
    lines: (row: CartRow, _: unknown, ctx: Ctx) => ctx.loaders.cartLinesByCartId.load(row.id),
    shippingAddress: (row: CartRow, _: unknown, ctx: Ctx) =>
      addressOf(row, { withContact: readsContact(ctx.principal, row.memberId) }),
    addressComplete: (row: CartRow) => isAddressComplete(row),
    cost: async (row: CartRow, _: unknown, ctx: Ctx) => {
      const totals = await cartCost(row, ctx);
      const m = (minor: bigint) => money(minor, row.currencyCode);
      return { subtotal: m(totals.subtotalMinor), shipping: m(totals.shippingMinor), discount: m(totals.discountMinor), tax: m(totals.taxMinor), total: m(totals.totalMinor) };
    },
    availableShippingMethods: async (row: CartRow, _: unknown, ctx: Ctx) => {
      const { subtotalMinor, discountMinor } = await cartCost(row, ctx, null);
      return SHIPPING_METHODS.map((code) => ({ code, price: money(shippingFee(code, subtotalMinor - discountMinor, row.currencyCode), row.currencyCode) }));
    },
    orderNumber: async (row: CartRow, _: unknown, ctx: Ctx) => {
      if (!row.orderId) return null;
      const [placed] = await ctx.db.select({ number: order.number }).from(order).where(eq(order.id, row.orderId));
      return placed?.number ?? null;
    },
  },
  CartLine: {
    sku: async (line: CartLineRow, _: unknown, ctx: Ctx) => (await liveLine(line, ctx)).variant?.sku ?? null,
    title: async (line: CartLineRow, _: unknown, ctx: Ctx) => {
      const { variant } = await liveLine(line, ctx);
      return variant ? (variant.variantTitle ? `${variant.productTitle} — ${variant.variantTitle}` : variant.productTitle) : null;
    },
    unitPrice: async (line: CartLineRow, _: unknown, ctx: Ctx) => {
      const { variant } = await liveLine(line, ctx);
      return variant ? money(variant.priceMinor, variant.currencyCode) : null;
    },
    lineTotal: async (line: CartLineRow, _: unknown, ctx: Ctx) => {
      const { variant } = await liveLine(line, ctx);
      return variant ? money(variant.priceMinor * BigInt(line.quantity), variant.currencyCode) : null;
    },
    sellable: async (line: CartLineRow, _: unknown, ctx: Ctx) => (await liveLine(line, ctx)).sellable,
    variant: (line: CartLineRow) => ({ __typename: 'ProductVariant', id: line.variantId }),
  },
  Member: {
    // Members owns the member; this subgraph only adds its orders, so the id is all it needs.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    orders: (member: { id: string }, args: ConnectionArgs, ctx: Ctx) => ctx.loaders.memberOrders(member.id, args),
  },
};

/** Payments and flags (their own modules) add fields to the same types: merged type by type. */
function mergeResolvers(...maps: object[]): Resolvers {
  const merged: Record<string, object> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged as Resolvers;
}

export const resolvers = mergeResolvers(core, paymentResolvers, flagResolvers);
