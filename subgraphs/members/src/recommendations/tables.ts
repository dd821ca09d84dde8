// Tables of recommendations: each product's nearest neighbours by co-purchase, rebuilt by members.recomputeRecommendations.
import { doublePrecision, integer, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { members } from '../tables.js';

/**
 * The products most often bought in the same counted order as a product, at
 * most NEIGHBOURS_KEPT per product, with their cosine similarity. Replaced as a
 * whole in one transaction by the nightly task; product ids are the products
 * domain's, plain columns without foreign keys.
 */
export const productNeighbour = members.table(
  'product_neighbour',
  {
    productId: uuid('product_id').notNull(),
    neighbourId: uuid('neighbour_id').notNull(),
    /** co_count / sqrt(orders with the product × orders with the neighbour), in (0, 1]. */
    score: doublePrecision('score').notNull(),
    /** Counted orders holding both products. */
    coCount: integer('co_count').notNull(),
  },
  // The key serves the read: all of one product's few neighbours, sorted in memory.
  (t) => [primaryKey({ columns: [t.productId, t.neighbourId] })],
);

export type ProductNeighbourRow = typeof productNeighbour.$inferSelect;
