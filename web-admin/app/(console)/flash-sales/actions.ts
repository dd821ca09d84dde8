'use server';

import { revalidatePath } from 'next/cache';

import { request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  FlashSaleArchive,
  FlashSaleCreate,
  FlashSaleItemRemove,
  FlashSaleItemSet,
  FlashSaleUpdate,
  FlashSaleVariantBySku,
} from './flash-sales.graphql';

export interface FlashSaleFields {
  titles: { locale: string; text: string }[];
  startsAt: string;
  endsAt: string;
  channels: string[];
  paymentTimeoutMinutes: number;
}

/** flashSaleCreate, or flashSaleUpdate when `id` is given; answers the session's id. */
export async function saveFlashSale(id: string | null, fields: FlashSaleFields): Promise<ActionResult<string>> {
  const result = id
    ? await runMutation(FlashSaleUpdate, { input: { id, ...fields } }, (d) => d.flashSaleUpdate, () => id)
    : await runMutation(FlashSaleCreate, { input: fields }, (d) => d.flashSaleCreate, (p) => p.flashSale!.id);
  if (result.ok) revalidatePath('/flash-sales');
  return result;
}

/** flashSaleArchive. */
export async function archiveFlashSale(id: string): Promise<ActionResult<null>> {
  return runMutation(FlashSaleArchive, { input: { id } }, (d) => d.flashSaleArchive, () => null);
}

export interface FlashSaleItemFields {
  sku: string;
  flashPrice: string;
  quota: number;
  perMemberLimit: number | null;
}

/**
 * flashSaleItemSet for the variant with exactly this SKU (the catalog search finds it);
 * a SKU no variant has is a userError on the SKU field, as the server's would be.
 */
export async function setFlashSaleItem(flashSaleId: string, fields: FlashSaleItemFields): Promise<ActionResult<null>> {
  const sku = fields.sku.trim();
  const { data } = await request(FlashSaleVariantBySku, { query: sku });
  const variant = data?.products.edges.flatMap((e) => e.node.variants).find((v) => v.sku.toLowerCase() === sku.toLowerCase());
  if (!variant) return { ok: false, reason: 'USER_ERRORS', userErrors: [{ field: ['input', 'sku'], code: 'VARIANT_NOT_FOUND', message: '' }] };
  const input = { flashSaleId, variantId: variant.id, flashPrice: fields.flashPrice, quota: fields.quota, perMemberLimit: fields.perMemberLimit };
  const result = await runMutation(FlashSaleItemSet, { input }, (d) => d.flashSaleItemSet, () => null);
  if (!result.ok && result.reason === 'USER_ERRORS') {
    return { ...result, userErrors: result.userErrors.map((e) => (e.field?.[1] === 'variantId' ? { ...e, field: ['input', 'sku'] } : e)) };
  }
  return result;
}

/** flashSaleItemRemove. */
export async function removeFlashSaleItem(id: string): Promise<ActionResult<null>> {
  return runMutation(FlashSaleItemRemove, { input: { id } }, (d) => d.flashSaleItemRemove, () => null);
}
