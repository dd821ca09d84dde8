import { randomUUID } from 'node:crypto';
import type { Db } from '@shop/kit';
import { product, variant } from '../src/tables.js';

// A member's review as the storefront writes it, for orders' tests of who may review.
export { createReview } from '../src/reviews/service.js';

let sequence = 0;

type ProductInsert = typeof product.$inferInsert;

/** A product with `variants` variants priced from 100.00 THB; each call is newer than the last. */
export async function insertProduct(db: Db, overrides: Partial<ProductInsert> = {}, variants = 2) {
  sequence += 1;
  const [row] = await db
    .insert(product)
    .values({
      id: randomUUID(),
      title: `Product ${sequence}`,
      handle: `product-${sequence}-${randomUUID().slice(0, 8)}`,
      status: 'ACTIVE',
      createdAt: new Date(Date.UTC(2026, 0, 1) + sequence * 60_000),
      ...overrides,
    })
    .returning();
  const variantRows = await db
    .insert(variant)
    .values(
      Array.from({ length: variants }, (_, position) => ({
        productId: row!.id,
        sku: `SKU-${sequence}-${position}-${randomUUID().slice(0, 6)}`,
        title: `Variant ${position}`,
        priceMinor: 10_000n + BigInt(position) * 1_050n,
        currencyCode: 'THB',
        position,
      })),
    )
    .returning();
  return { product: row!, variants: variantRows };
}
