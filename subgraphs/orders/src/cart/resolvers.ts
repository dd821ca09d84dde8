// GraphQL resolvers of storefront carts: the cart query, its mutations and what a cart shows.
import { eq } from 'drizzle-orm';
import { money, type Db, type Principal, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { addressOf, isAddressComplete } from '../addresses/index.js';
import type { Loaders } from '../loaders.js';
import { explanationOf, priceOrder, SHIPPING_METHODS, shippingFee, type PricedOrder, type ShippingMethod } from '../pricing/index.js';
import { storeCreditOffer } from '../store-credit/index.js';
import { order } from '../tables.js';
import { readsContact } from '../visibility/index.js';
import {
  cartCreate,
  cartFor,
  cartLinesAdd,
  cartLinesRemove,
  cartLinesUpdate,
  cartSetAddress,
  cartSetShippingMethod,
  type CartSetAddressInput,
  type LineInput,
} from './service.js';
import type { CartLineRow, CartRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

const cartPayload = (row: CartRow) => ({ cart: row });

/** A cart line with the catalog's current data; null price when the variant is gone. */
async function liveLine(line: CartLineRow, ctx: Ctx) {
  const variant = await ctx.loaders.variantById.load(line.variantId);
  return { line, variant, sellable: Boolean(variant?.sellable) };
}

/** Each cart row's price at its own shipping method, once per request (the row objects are the request's). */
const costs = new WeakMap<CartRow, Promise<PricedOrder>>();

/**
 * What the cart would cost now, by coupons' engine with the cart's coupon codes: the same pricing as checkout.
 * Lines no longer for sale are left out.
 */
function cartCost(
  row: CartRow,
  ctx: Ctx,
  shippingMethod: ShippingMethod | null = row.shippingMethod as ShippingMethod | null,
  storeCreditMinor = 0n,
): Promise<PricedOrder> {
  const atOwnMethod = shippingMethod === row.shippingMethod && storeCreditMinor === 0n;
  const cached = atOwnMethod ? costs.get(row) : undefined;
  if (cached) return cached;
  const priced = (async () => {
    const lines = await Promise.all((await ctx.loaders.cartLinesByCartId.load(row.id)).map((l) => liveLine(l, ctx)));
    return priceOrder(ctx.db, {
      currencyCode: row.currencyCode,
      channel: row.channel,
      memberId: row.memberId,
      lines: lines
        .filter((l) => l.sellable)
        .map((l) => ({ variantId: l.line.variantId, productId: l.variant!.productId, quantity: l.line.quantity, unitPriceMinor: l.variant!.priceMinor })),
      shippingMethod,
      couponCodes: row.couponCodes,
      storeCreditMinor,
    });
  })();
  if (atOwnMethod) costs.set(row, priced);
  return priced;
}

/** A cart mutation: the service call in one transaction, the cart as payload. */
const cartMutation =
  <T>(run: (tx: Db, principal: Principal, input: T) => ReturnType<typeof cartCreate>) =>
  async (_: unknown, { input }: Input<T>, ctx: Ctx) =>
    payload(await mutate(ctx, (tx) => run(tx, ctx.principal, input)), cartPayload);

export const cartResolvers: Resolvers = {
  Query: {
    cart: (_, args, ctx) => cartFor(ctx.db, args.id, ctx.principal),
  },
  Mutation: {
    cartCreate: cartMutation(cartCreate),
    cartLinesAdd: cartMutation<{ cartId: string; lines: LineInput[] }>(cartLinesAdd),
    cartLinesUpdate: cartMutation<{ cartId: string; lines: { id: string; quantity: number }[] }>(cartLinesUpdate),
    cartLinesRemove: cartMutation<{ cartId: string; lineIds: string[] }>(cartLinesRemove),
    cartSetAddress: cartMutation<CartSetAddressInput>(cartSetAddress),
    cartSetShippingMethod: cartMutation<{ cartId: string; shippingMethod: ShippingMethod }>(cartSetShippingMethod),
  },
  Cart: {
    lines: (row, _, ctx) => ctx.loaders.cartLinesByCartId.load(row.id),
    shippingAddress: (row, _, ctx) =>
      addressOf(row, { withContact: readsContact(ctx.principal, row.memberId) }),
    addressComplete: (row) => isAddressComplete(row),
    mergedIntoCartId: (row) => row.mergedIntoId,
    couponCodes: (row) => row.couponCodes,
    pricing: async (row, args, ctx) => {
      // Only the member the cart belongs to learns what their balance would pay.
      const owner = ctx.principal.kind === 'customer' && ctx.principal.memberId === row.memberId;
      const credit = args.useStoreCredit && owner ? await storeCreditOffer(ctx.db, row.memberId, row.currencyCode) : 0n;
      return explanationOf((await cartCost(row, ctx, row.shippingMethod as ShippingMethod | null, credit)).result, ctx.acceptLanguage);
    },
    cost: async (row, _, ctx) => {
      const { totals } = await cartCost(row, ctx);
      const m = (minor: bigint) => money(minor, row.currencyCode);
      return { subtotal: m(totals.subtotalMinor), shipping: m(totals.shippingMinor), discount: m(totals.discountMinor), tax: m(totals.taxMinor), total: m(totals.totalMinor) };
    },
    availableShippingMethods: async (row, _, ctx) => {
      const { result } = await cartCost(row, ctx, null);
      const goods = result.subtotalMinor - result.discountMinor;
      return SHIPPING_METHODS.map((code) => ({ code, price: money(shippingFee(code, goods, row.currencyCode), row.currencyCode) }));
    },
    orderNumber: async (row, _, ctx) => {
      if (!row.orderId) return null;
      const [placed] = await ctx.db.select({ number: order.number }).from(order).where(eq(order.id, row.orderId));
      return placed?.number ?? null;
    },
  },
  CartLine: {
    sku: async (line, _, ctx) => (await liveLine(line, ctx)).variant?.sku ?? null,
    title: async (line, _, ctx) => {
      const { variant } = await liveLine(line, ctx);
      return variant ? (variant.variantTitle ? `${variant.productTitle} — ${variant.variantTitle}` : variant.productTitle) : null;
    },
    unitPrice: async (line, _, ctx) => {
      const { variant } = await liveLine(line, ctx);
      return variant ? money(variant.priceMinor, variant.currencyCode) : null;
    },
    lineTotal: async (line, _, ctx) => {
      const { variant } = await liveLine(line, ctx);
      return variant ? money(variant.priceMinor * BigInt(line.quantity), variant.currencyCode) : null;
    },
    sellable: async (line, _, ctx) => (await liveLine(line, ctx)).sellable,
    variant: (line) => ({ __typename: 'ProductVariant', id: line.variantId }),
  },
};
