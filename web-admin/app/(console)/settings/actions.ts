'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { ShopSettingsUpdate, type ShopSettingsFields } from './settings.graphql';

/** shopSettingsUpdate (sensitive: step-up); the next page render formats with the new settings. */
export async function saveShopSettings(input: ShopSettingsFields): Promise<ActionResult<null>> {
  return runMutation(ShopSettingsUpdate, { input }, (d) => d.shopSettingsUpdate, () => null);
}
