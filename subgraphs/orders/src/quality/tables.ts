// Quality: the rule that turns defect returns into alerts, and the alerts raised (drizzle.config.ts globs this file).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { returnReasonCode } from '../after-sales/tables.js';
import { orders } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * The one rule of the shop (a single row; absent means the defaults in settings.ts): a product or lot whose defect
 * returns exceed `rate_threshold_bp` of its units shipped within `window_days`, once at least `min_units_shipped`
 * shipped, raises an alert. The rate is in basis points (500 = 5%) so no float is stored or compared.
 */
export const qualitySettings = orders.table(
  'quality_settings',
  {
    singleton: boolean('singleton').primaryKey().default(true),
    defectReasonCodes: returnReasonCode('defect_reason_codes').array().notNull(),
    rateThresholdBp: integer('rate_threshold_bp').notNull(),
    windowDays: integer('window_days').notNull(),
    minUnitsShipped: integer('min_units_shipped').notNull(),
    // access.staff id of who changed it last.
    updatedByStaffId: uuid('updated_by_staff_id'),
    ...timestamps,
  },
  (t) => [check('quality_settings_singleton', sql`${t.singleton}`)],
);

/**
 * A product (lot_code null) or one lot of it whose defect rate crossed the rule. At most one OPEN alert per product
 * and lot (the partial unique index): evaluations running twice or at once refresh it instead of raising another.
 */
export const qualityAlert = orders.table(
  'quality_alert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // products.product id: another domain's row, so no foreign key.
    productId: uuid('product_id').notNull(),
    lotCode: text('lot_code'),
    status: text('status', { enum: ['OPEN', 'ACKNOWLEDGED'] }).notNull().default('OPEN'),
    defectUnits: integer('defect_units').notNull(),
    shippedUnits: integer('shipped_units').notNull(),
    rateBp: integer('rate_bp').notNull(),
    /** The rule when raised (or last refreshed), so the alert reads right after the rule changes. */
    thresholdBp: integer('threshold_bp').notNull(),
    windowStart: at('window_start').notNull(),
    windowEnd: at('window_end').notNull(),
    /** The orders whose defect returns count in the rate. */
    orderIds: uuid('order_ids').array().notNull(),
    acknowledgedAt: at('acknowledged_at'),
    // access.staff id: staff identity, shown to staff only.
    acknowledgedByStaffId: uuid('acknowledged_by_staff_id'),
    /** What the catalog team did about it; internal. */
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    // coalesce: the product-wide alert (no lot) is one key too; evaluate.ts names this expression in ON CONFLICT.
    uniqueIndex('quality_alert_open_unique')
      .on(t.productId, sql`coalesce(${t.lotCode}, '')`)
      .where(sql`${t.status} = 'OPEN'`),
    index('quality_alert_created_idx').on(t.createdAt, t.id),
    index('quality_alert_product_idx').on(t.productId, t.createdAt),
  ],
);

export type QualitySettingsRow = typeof qualitySettings.$inferSelect;
export type QualityAlertRow = typeof qualityAlert.$inferSelect;
export type QualityAlertStatus = QualityAlertRow['status'];
