'use server';

import { request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  ProductArchive,
  ProductCreate,
  ProductUnarchive,
  ProductUpdate,
  type ProductFieldsInput,
} from './editor.graphql';
import {
  ProductsBulkArchive,
  ProductsCollectionSearch,
  ProductsTagsAdd,
  ProductsTagsRemove,
  type CollectionChoice,
} from './products.graphql';

/** productsBulkArchive: all or none; answers STEP_UP_REQUIRED until the password is confirmed again. */
export async function archiveProducts(ids: string[]): Promise<ActionResult<number>> {
  return runMutation(ProductsBulkArchive, { input: { ids } }, (d) => d.productsBulkArchive, (p) => p.products.length);
}

/** productTagsAdd / productTagsRemove on the selected products. */
export async function changeProductTags(
  change: 'add' | 'remove',
  productIds: string[],
  tags: string[],
): Promise<ActionResult<number>> {
  const input = { productIds, tags };
  return change === 'add'
    ? runMutation(ProductsTagsAdd, { input }, (d) => d.productTagsAdd, (p) => p.products.length)
    : runMutation(ProductsTagsRemove, { input }, (d) => d.productTagsRemove, (p) => p.products.length);
}

/** productCreate, or productUpdate when `id` is given; hands back the product's id. */
export async function saveProduct(id: string | null, input: ProductFieldsInput): Promise<ActionResult<string>> {
  return id
    ? runMutation(ProductUpdate, { input: { ...input, id } }, (d) => d.productUpdate, (p) => p.product?.id ?? id)
    : runMutation(ProductCreate, { input }, (d) => d.productCreate, (p) => p.product?.id ?? '');
}

/** productArchive or productUnarchive (the latter brings the product back as a draft). */
export async function setProductArchived(id: string, archived: boolean): Promise<ActionResult<null>> {
  const input = { id };
  return archived
    ? runMutation(ProductArchive, { input }, (d) => d.productArchive, () => null)
    : runMutation(ProductUnarchive, { input }, (d) => d.productUnarchive, () => null);
}

/** Collections matching the typed text (the first 20), for the collection pickers. */
export async function searchCollections(query: string): Promise<CollectionChoice[]> {
  const { data } = await request(ProductsCollectionSearch, { query: query.trim() || null });
  return (data?.collections.edges ?? []).map(({ node }) => node);
}
