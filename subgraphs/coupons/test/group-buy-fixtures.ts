// Group-buy test helpers: a running campaign, and a member's place taken the way checkout takes it (rules, engine, commit).
import { randomUUID } from 'node:crypto';
import type { Db } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { createCampaign } from '../src/group-buys/campaigns.js';
import { groupBuySource } from '../src/group-buys/index.js';
import type { GroupBuyCampaignRow } from '../src/group-buys/tables.js';
import { priceCart } from '../src/pricing/engine.js';
import type { PlacedPricing, PricingRequest } from '../src/pricing/sources.js';

// The expiry sweep with a clock of the test's choosing (the scheduled task passes the tick's time).
export { expireDueGroups } from '../src/group-buys/index.js';

const HOUR = 3_600_000;

/** A campaign running from an hour before `at` to a day after it: group of `groupSize`, 60 minutes to fill, 99.00 THB. */
export async function makeCampaign(
  db: Db,
  options: { productId?: string; groupSize?: number; fillMinutes?: number; at?: Date } = {},
): Promise<GroupBuyCampaignRow> {
  const at = options.at ?? new Date();
  const result = await mutate(db, (tx, changes) =>
    createCampaign(
      tx,
      {
        productId: options.productId ?? randomUUID(),
        titles: [
          { locale: 'en', text: 'Team up and save' },
          { locale: 'th', text: 'รวมกลุ่มซื้อถูกกว่า' },
        ],
        groupPrice: { amount: '99.00', currencyCode: 'THB' },
        groupSize: options.groupSize ?? 3,
        fillMinutes: options.fillMinutes ?? 60,
        startsAt: new Date(at.getTime() - HOUR),
        endsAt: new Date(at.getTime() + 24 * HOUR),
      },
      changes,
    ),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** A request for one unit of the campaign's product at 150.00 THB, priced as checkout prices it. */
export async function priceGroupBuy(
  tx: Db,
  input: { productId: string; memberId: string | null; groupBuy: NonNullable<PricingRequest['groupBuy']>; at: Date },
): Promise<{ request: PricingRequest; result: ReturnType<typeof priceCart> }> {
  const request: PricingRequest = {
    cart: {
      currencyCode: 'THB',
      channel: 'ONLINE_STORE',
      at: input.at,
      member: input.memberId ? { id: input.memberId, tier: 'BRONZE', segmentIds: [] } : null,
      lines: [{ key: randomUUID(), productId: input.productId, categoryIds: [], collectionIds: [], quantity: 1, unitPriceMinor: 15_000n }],
      shipping: { feeMinor: 0n, freeFromMinor: null },
    },
    couponCodes: [],
    groupBuy: input.groupBuy,
  };
  return { request, result: priceCart(request.cart, await groupBuySource.rules(tx, request)) };
}

/**
 * Takes a place for `orderId` in `tx` as checkout does: price with the group-buy
 * rules, then the source's commit (the caller rolls back on failure).
 */
export async function takePlace(
  tx: Db,
  input: { productId: string; memberId: string | null; orderId: string; groupBuy: NonNullable<PricingRequest['groupBuy']>; at: Date },
) {
  const { request, result } = await priceGroupBuy(tx, input);
  const placed: PlacedPricing = { orderId: input.orderId, memberId: input.memberId, request, result };
  return groupBuySource.commit!(tx, placed);
}

/** takePlace in a transaction of its own, rolled back when refused. */
export function takePlaceAlone(db: Db, input: Parameters<typeof takePlace>[1]) {
  return mutate(db, (tx) => takePlace(tx, input));
}
