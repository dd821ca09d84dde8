import { sql } from 'drizzle-orm';
import { boolean, char, check, pgSchema, smallint, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.js';

/**
 * The kit's own schema: shop-wide runtime state every domain reads through the kit (never
 * through another domain's schema). Migrated before the domains (migrate.ts).
 */
export const kit = pgSchema('kit');

/**
 * The shop's settings: one row, absent until first changed (the defaults, SHOP_TIME_ZONE
 * among them, stand in until then). Written only by writeShopSettings (shop-settings.ts).
 */
export const shopSettings = kit.table(
  'shop_settings',
  {
    // Always true: the primary key makes a second row impossible.
    singleton: boolean('singleton').primaryKey().default(true),
    timeZone: text('time_zone').notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    /** ISO weekday the fiscal week starts on: 1 = Monday … 7 = Sunday. */
    weekStartsOn: smallint('week_starts_on').notNull(),
    buddhistEra: boolean('buddhist_era').notNull(),
    hijri: boolean('hijri').notNull(),
    ...timestamps,
  },
  (t) => [
    check('shop_settings_singleton', sql`${t.singleton}`),
    check('shop_settings_week_starts_on', sql`${t.weekStartsOn} between 1 and 7`),
  ],
);
