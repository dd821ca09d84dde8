'use server';

import { request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';
import { getShopSettings } from '@/lib/shop-settings';
import { fromShopLocal } from '@/lib/shop-time';

import {
  GroupBuyCampaignArchive,
  GroupBuyCampaignCreate,
  GroupBuyCampaignUpdate,
  GroupBuyProductSearch,
  type CurrencyCode,
} from './group-buys.graphql';

/** A product as the editor's picker offers it. */
export interface ProductOption {
  id: string;
  title: string;
}

/** Products whose title or SKU matches, for the campaign editor's picker. */
export async function searchProducts(query: string): Promise<ProductOption[]> {
  const text = query.trim();
  if (!text) return [];
  const { data } = await request(GroupBuyProductSearch, { query: text });
  return (data?.products.edges ?? []).map(({ node }) => ({ id: node.id, title: node.title }));
}

/** The editor's fields; times are wall-clock times in the shop's zone (datetime-local inputs). */
export interface CampaignFields {
  productId: string;
  titles: { locale: string; text: string }[];
  groupPrice: { amount: string; currencyCode: CurrencyCode };
  groupSize: number;
  fillMinutes: number;
  startsAt: string;
  endsAt: string;
}

const badTime = (field: 'startsAt' | 'endsAt'): ActionResult<string> => ({
  ok: false,
  reason: 'USER_ERRORS',
  userErrors: [{ field: ['input', field], code: 'INVALID', message: 'Pick a date and time.' }],
});

/** groupBuyCampaignCreate, or groupBuyCampaignUpdate when `id` is given; answers the campaign's id. */
export async function saveCampaign(id: string | null, fields: CampaignFields): Promise<ActionResult<string>> {
  const { timeZone } = await getShopSettings();
  const startsAt = fromShopLocal(fields.startsAt, timeZone);
  if (!startsAt) return badTime('startsAt');
  const endsAt = fromShopLocal(fields.endsAt, timeZone);
  if (!endsAt) return badTime('endsAt');
  const input = { ...fields, startsAt, endsAt };
  return id
    ? runMutation(GroupBuyCampaignUpdate, { input: { id, ...input } }, (d) => d.groupBuyCampaignUpdate, () => id)
    : runMutation(GroupBuyCampaignCreate, { input }, (d) => d.groupBuyCampaignCreate, (p) => p.campaign!.id);
}

/** groupBuyCampaignArchive. */
export async function archiveCampaign(id: string): Promise<ActionResult<null>> {
  return runMutation(GroupBuyCampaignArchive, { input: { id } }, (d) => d.groupBuyCampaignArchive, () => null);
}
