import { cache } from 'react';

import { ConsoleShopSettings } from '@/app/(console)/shop-settings.graphql';
import type { CurrencyCode } from '@/gql/graphql';

import { request } from './graphql';
import type { ShopCalendar } from './format';

export interface ShopSettings extends ShopCalendar {
  currencyCode: CurrencyCode;
  /** ISO weekday the fiscal week starts on: 1 = Monday … 7 = Sunday. */
  weekStartsOn: number;
}

/**
 * The shop's settings (zone, calendars, week start, currency), fetched from the gateway once per
 * request and shared by the layout, the page and its components; a change on /settings shows on
 * the next page. Server-side only.
 */
export const getShopSettings = cache(async (): Promise<ShopSettings> => {
  const { data, errors } = await request(ConsoleShopSettings, {}, { session: false });
  if (!data?.shopSettings) throw new Error(`Shop settings unavailable: ${errors.map((e) => e.extensions?.code).join(', ')}`);
  return data.shopSettings;
});
