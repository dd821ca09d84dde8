// Carriers as data: who carries parcels, how their tracking page is reached, and which adapter books with them.
import { boolean, text } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { orders } from '../tables.js';

/** How a carrier is worked with: `manual` (staff type the tracking number) or `sandbox` (books waybills, sends signed events). */
export const carrierAdapter = orders.enum('carrier_adapter', ['manual', 'sandbox']);

export const carrier = orders.table('carrier', {
  /** THAILAND_POST, KERRY, FLASH, JT, SF_EXPRESS, ARAMEX, SMSA, MANUAL, SANDBOX. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** The public tracking page, with `{tracking}` where the tracking number goes; null when the carrier has none. */
  trackingUrlTemplate: text('tracking_url_template'),
  adapter: carrierAdapter('adapter').notNull().default('manual'),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

export type CarrierRow = typeof carrier.$inferSelect;
export type CarrierAdapter = CarrierRow['adapter'];
