// The payloads other domains queue for reports' fact tasks (orders: orders and refunds; members: traffic).
import { z } from 'zod';

/** A string because JSON has no bigint. */
const minor = z.string().regex(/^-?\d+$/);

/** Where a sale was made, as roll-up keys; null when the sender does not know. */
const salesKeys = {
  channel: z.string().min(1),
  memberId: z.uuid().nullish(),
  warehouseId: z.string().nullish(),
  region: z.string().nullish(),
  memberTier: z.string().nullish(),
};

/** What the orders domain enqueues as `reports.recordOrder` whenever an order is placed or changes. */
export const recordOrderPayload = z.object({
  orderId: z.uuid(),
  placedAt: z.iso.datetime({ offset: true }),
  /** The order's updatedAt: the newest fact wins. Jobs queued before it was sent carry none (placedAt stands in). */
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  status: z.string().min(1),
  totalMinor: minor,
  currencyCode: z.string().length(3),
  couponDiscountMinor: minor.default('0'),
  promotionDiscountMinor: minor.default('0'),
  ...salesKeys,
  lines: z
    .array(
      z.object({
        lineId: z.uuid(),
        productId: z.uuid().nullable(),
        variantId: z.uuid(),
        quantity: z.number().int().positive(),
        netMinor: minor,
      }),
    )
    .default([]),
});
export type RecordOrderPayload = z.input<typeof recordOrderPayload>;

/** What orders enqueues as `reports.recordRefund` in the transaction that records a refund. */
export const recordRefundPayload = z.object({
  refundId: z.uuid(),
  orderId: z.uuid(),
  refundedAt: z.iso.datetime({ offset: true }),
  amountMinor: minor,
  currencyCode: z.string().length(3),
  ...salesKeys,
});
export type RecordRefundPayload = z.input<typeof recordRefundPayload>;

/** Many orders and refunds in one job (`reports.recordOrders`): orders' backfill for `pnpm reports:rebuild --refacts`. */
export const recordOrdersPayload = z.object({
  orders: z.array(recordOrderPayload),
  refunds: z.array(recordRefundPayload).default([]),
});

/** What members enqueues as `reports.recordTraffic` per accepted batch of behaviour events. */
export const recordTrafficPayload = z.object({
  batchId: z.string().min(1).max(100),
  rows: z.array(
    z.object({
      day: z.iso.date(),
      source: z.string().max(200),
      campaign: z.string().max(200),
      visitorHash: z.string().min(1).max(100),
      pageViews: z.number().int().nonnegative(),
    }),
  ),
});
export type RecordTrafficPayload = z.input<typeof recordTrafficPayload>;
