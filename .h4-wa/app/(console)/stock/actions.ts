'use server';

import type { VariantLabel_ProductVariant } from '@/components/stock/variant-label.graphql';
import { request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  StockAdjust,
  StockLevelUpdate,
  StockVariantSearch,
  type StockAdjustInput,
  type StockLevelUpdateInput,
} from './stock.graphql';

/** stockAdjust: a signed delta with a reason; a large decrease answers STEP_UP_REQUIRED. */
export async function adjustStock(input: StockAdjustInput): Promise<ActionResult<null>> {
  return runMutation(StockAdjust, { input }, (d) => d.stockAdjust, () => null);
}

/** stockLevelUpdate: safety stock and reorder point of one variant in one warehouse. */
export async function updateStockLevel(input: StockLevelUpdateInput): Promise<ActionResult<null>> {
  return runMutation(StockLevelUpdate, { input }, (d) => d.stockLevelUpdate, () => null);
}

/** Variants whose SKU (or product title) matches, for the variant pickers; at most 30. */
export async function searchVariants(query: string): Promise<VariantLabel_ProductVariant[]> {
  const text = query.trim();
  if (!text) return [];
  const { data } = await request(StockVariantSearch, { query: text });
  const needle = text.toLowerCase();
  const variants = (data?.products.edges ?? []).flatMap(({ node }) =>
    node.variants.map((variant) => ({ ...variant, product: { title: node.title } })),
  );
  // Exact and partial SKU matches first, then the rest of the matching products' variants.
  const rank = (v: VariantLabel_ProductVariant) =>
    v.sku.toLowerCase() === needle ? 0 : v.sku.toLowerCase().includes(needle) ? 1 : 2;
  return variants.sort((a, b) => rank(a) - rank(b)).slice(0, 30);
}
