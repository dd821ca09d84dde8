// GraphQL resolvers of pricing: priceExplain (staff try a cart) and the explanation kept on each order.
import { codedError, isId, parseDecimal } from '@shop/kit';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { variantsForCheckout } from '@shop/products/commands';
import type { Resolvers } from '../generated/resolvers-types.js';
import { explanationOf, priceOrder, type ShippingMethod } from './service.js';

const MAX_LINES = 100;
const MAX_QUANTITY = 10_000;

export const pricingResolvers: Resolvers = {
  Query: {
    /** The same pricing as a cart with these lines: catalog prices now (or at `at`), the member's standing, the codes. */
    priceExplain: async (_, { input }, ctx) => {
      if (input.lines.length < 1 || input.lines.length > MAX_LINES) {
        throw codedError('BAD_USER_INPUT', `Give 1 to ${MAX_LINES} lines.`, { field: ['input', 'lines'] });
      }
      if (input.memberId != null && !isId(input.memberId)) throw codedError('BAD_USER_INPUT', 'Not a member id.', { field: ['input', 'memberId'] });
      const variants = await variantsForCheckout(ctx.db, input.lines.map((l) => l.variantId));
      const lines = input.lines.map((line, i) => {
        const variant = variants.get(line.variantId.toLowerCase());
        if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
          throw codedError('BAD_USER_INPUT', `A quantity is 1 to ${MAX_QUANTITY}.`, { field: ['input', 'lines', String(i), 'quantity'] });
        }
        if (!variant || variant.currencyCode !== input.currencyCode) {
          throw codedError('BAD_USER_INPUT', `No variant ${line.variantId} priced in ${input.currencyCode}.`, { field: ['input', 'lines', String(i), 'variantId'] });
        }
        return { variantId: variant.variantId, productId: variant.productId, quantity: line.quantity, unitPriceMinor: variant.priceMinor };
      });
      const storeCreditMinor = input.storeCredit == null ? 0n : parseDecimal(input.storeCredit, input.currencyCode);
      if (storeCreditMinor === null || storeCreditMinor < 0n) {
        throw codedError('BAD_USER_INPUT', `Not an amount in ${input.currencyCode}.`, { field: ['input', 'storeCredit'] });
      }
      const priced = await priceOrder(ctx.db, {
        currencyCode: input.currencyCode,
        channel: input.channel,
        memberId: input.memberId ?? null,
        at: input.at ? new Date(input.at) : new Date(),
        lines,
        shippingMethod: (input.shippingMethod as ShippingMethod | null | undefined) ?? null,
        couponCodes: input.couponCodes ?? [],
        storeCreditMinor,
      });
      return explanationOf(priced.result, ctx.acceptLanguage);
    },
  },
  Order: {
    pricing: (row, _, ctx) => (row.pricing ? explanationOf(row.pricing, ctx.acceptLanguage) : null),
  },
};

/** priceExplain is for staff (marketing:read at the gateway). */
export const pricingPermissions: EntryPointRules = {
  Query: { priceExplain: rules.operator },
};
