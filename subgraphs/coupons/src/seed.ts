// Demo data for coupons.
import { chunks, type Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { coupon } from './tables.js';

/** Writes the demo coupons in the plan's currency; `tx` is the seed transaction. */
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
}
