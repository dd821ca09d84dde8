// Demo data for coupons.
import { chunks, type Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { promotion } from './promotions/tables.js';
import { coupon } from './tables.js';

/** Writes the demo coupons and promotions in the plan's currency; `tx` is the seed transaction. */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  for (const batch of chunks(plan.coupons)) {
    await tx.insert(coupon).values(
      batch.map((c) => ({
        id: c.id, code: c.code, title: c.title, kind: c.kind, value: c.value,
        currencyCode: plan.currencyCode, minimumSpendMinor: c.minimumSpendMinor,
        startsAt: c.startsAt, endsAt: c.endsAt,
      })),
    );
  }
  await tx.insert(promotion).values(demoPromotions(plan.currencyCode));
}

const DAY = 86_400_000;

/**
 * Two running promotions the console and the mini-program storefront show at once: a 满减 spend ladder and a
 * gold and platinum members' percentage titled for Ramadan. Both are kept to the mini program so the demo's
 * other channels price at list, as the demo orders and the tests reading them expect. Amounts assume 2 decimals.
 */
function demoPromotions(currencyCode: string): (typeof promotion.$inferInsert)[] {
  const now = Date.now();
  return [
    {
      kind: 'TIERED_SPEND', lifecycle: 'ACTIVE', currencyCode, priority: 50,
      titles: { en: 'Spend more, save more', th: 'ยิ่งซื้อยิ่งลด', 'zh-CN': '满减优惠', 'zh-TW': '滿額折抵', ar: 'اشترِ أكثر ووفّر أكثر' },
      spendTiers: [{ thresholdMinor: '100000', offMinor: '5000' }, { thresholdMinor: '300000', offMinor: '20000' }],
      channels: ['MINI_PROGRAM'],
      startsAt: new Date(now - DAY), endsAt: new Date(now + 30 * DAY),
    },
    {
      kind: 'TIER_PRICE', lifecycle: 'ACTIVE', currencyCode, priority: 100, percentBp: 1500, maxDiscountMinor: 50000n,
      titles: { en: 'Ramadan Kareem 15%', th: 'รอมฎอน การีม ลด 15%', 'zh-CN': '斋月快乐 85折', 'zh-TW': '齋月快樂 85折', ar: 'رمضان كريم 15%' },
      channels: ['MINI_PROGRAM'], memberTiers: ['GOLD', 'PLATINUM'], combinable: false,
      startsAt: new Date(now - DAY), endsAt: new Date(now + 14 * DAY),
    },
  ];
}
