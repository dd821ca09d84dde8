// Flash sales made through the service, for tests and benchmarks outside coupons (tests/bench/flash-sale.ts).
import { mutate } from '@shop/kit/mutation';
import type { Db } from '@shop/kit';
import { createFlashSale, setFlashSaleItem } from '../src/flash-sales/service.js';

/** A session running from a minute ago for `hours`, with one item on the variant; answers the item's id. */
export async function runningFlashItem(
  db: Db,
  input: { variantId: string; flashPrice: string; quota: number; perMemberLimit?: number | null; hours?: number },
): Promise<{ flashSaleId: string; itemId: string }> {
  const sale = await mutate(db, (tx, changes) =>
    createFlashSale(
      tx,
      { titles: [{ locale: 'en', text: 'Bench flash sale' }], startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + (input.hours ?? 2) * 3_600_000) },
      changes,
    ),
  );
  if (!sale.ok) throw new Error(JSON.stringify(sale.errors));
  const item = await mutate(db, (tx, changes) =>
    setFlashSaleItem(tx, { flashSaleId: sale.value.id, variantId: input.variantId, flashPrice: input.flashPrice, quota: input.quota, perMemberLimit: input.perMemberLimit ?? null }, changes),
  );
  if (!item.ok) throw new Error(JSON.stringify(item.errors));
  return { flashSaleId: sale.value.id, itemId: item.value.id };
}
