import { chunks, type Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { product, variant } from './tables.js';

/** Writes the demo catalog; `tx` is the seed transaction. */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  for (const batch of chunks(plan.products)) {
    await tx.insert(product).values(
      batch.map((p) => ({
        id: p.id, title: p.title, handle: p.handle, status: p.status,
        createdAt: p.createdAt, updatedAt: p.createdAt,
      })),
    );
  }
  const variants = plan.products.flatMap((p) =>
    p.variants.map((v) => ({
      id: v.id, productId: p.id, sku: v.sku, title: v.title, priceMinor: v.priceMinor, costMinor: v.costMinor,
      currencyCode: plan.currencyCode, position: v.position, createdAt: p.createdAt, updatedAt: p.createdAt,
    })),
  );
  for (const batch of chunks(variants)) await tx.insert(variant).values(batch);
}
