// Evaluating the quality rule: defect returns against units shipped, per product and per lot, into alerts.
import { sql } from 'drizzle-orm';
import { log, type Db } from '@shop/kit';
import { EVALUATE_QUALITY_TASK } from './queue.js';
import { loadQualityRule } from './settings.js';

/**
 * Raises or refreshes alerts for every product, and every lot of a product, whose defect returns exceed the rule's
 * rate of its units shipped in the window. Both counts look back `windowDays` from now: defect returns by when
 * the request was opened (rejected requests do not count), units by when their shipment left (ORIGINAL shipments
 * only: a replacement is not a sale). Lot rows count only lines with a lot code; a product row counts all.
 *
 * One statement: concurrent or repeated runs meet on the open alert's unique index, so a product or lot has one
 * OPEN alert, refreshed rather than raised again. An alert acknowledged within the last window keeps the same
 * product or lot from alerting again until the window has moved past it. Returns the number of alerts raised.
 */
export async function evaluateQualityAlerts(db: Db, now = new Date()): Promise<number> {
  const rule = await loadQualityRule(db);
  // Raw SQL binds text, not Dates: ISO strings cast to timestamptz.
  const since = sql`${new Date(now.getTime() - rule.windowDays * 86_400_000).toISOString()}::timestamptz`;
  const end = sql`${now.toISOString()}::timestamptz`;
  const rows = await db.execute<{ raised: boolean }>(sql`
    with shipped as (
      select ol.product_id,
             case when grouping(sl.lot_code) = 1 then null else sl.lot_code end as lot_code,
             sum(sl.quantity)::int as units
      from orders.shipment_line sl
      join orders.shipment sh on sh.id = sl.shipment_id
      join orders.order_line ol on ol.id = sl.order_line_id
      where sh.shipped_at >= ${since} and sh.shipped_at <= ${end} and sh.kind = 'ORIGINAL' and ol.product_id is not null
      group by grouping sets ((ol.product_id), (ol.product_id, sl.lot_code))
      having grouping(sl.lot_code) = 1 or sl.lot_code is not null
    ), defects as (
      select ol.product_id,
             case when grouping(rl.lot_code) = 1 then null else rl.lot_code end as lot_code,
             sum(rl.quantity)::int as units,
             array_agg(distinct rr.order_id) as order_ids
      from orders.return_request_line rl
      join orders.return_request rr on rr.id = rl.return_request_id
      join orders.order_line ol on ol.id = rl.order_line_id
      where rr.created_at >= ${since} and rr.created_at <= ${end} and rr.status <> 'REJECTED'
        and rr.reason_code::text = any(${sql.param(rule.defectReasonCodes)}::text[]) and ol.product_id is not null
      group by grouping sets ((ol.product_id), (ol.product_id, rl.lot_code))
      having grouping(rl.lot_code) = 1 or rl.lot_code is not null
    )
    insert into orders.quality_alert
      (product_id, lot_code, defect_units, shipped_units, rate_bp, threshold_bp, window_start, window_end, order_ids)
    select d.product_id, d.lot_code, d.units, s.units, (d.units * 10000 / s.units)::int, ${rule.rateThresholdBp},
           ${since}, ${end}, d.order_ids
    from defects d
    join shipped s on s.product_id = d.product_id and s.lot_code is not distinct from d.lot_code
    where s.units >= ${rule.minUnitsShipped}
      and d.units::bigint * 10000 > ${rule.rateThresholdBp}::bigint * s.units
      and not exists (
        select 1 from orders.quality_alert a
        where a.product_id = d.product_id and a.lot_code is not distinct from d.lot_code
          and a.status = 'ACKNOWLEDGED' and a.acknowledged_at >= ${since}
      )
    on conflict (product_id, coalesce(lot_code, '')) where status = 'OPEN' do update set
      defect_units = excluded.defect_units,
      shipped_units = excluded.shipped_units,
      rate_bp = excluded.rate_bp,
      threshold_bp = excluded.threshold_bp,
      window_start = excluded.window_start,
      window_end = excluded.window_end,
      order_ids = excluded.order_ids,
      updated_at = now()
    returning (xmax = 0) as raised`);
  return rows.filter((r) => r.raised).length;
}

/** The `orders.evaluateQualityAlerts` task: periodic and on demand; idempotent by construction. */
export async function evaluateQualityTask(_payload: unknown, db: Db): Promise<void> {
  const raised = await evaluateQualityAlerts(db);
  log.info({ task: EVALUATE_QUALITY_TASK, raised }, 'quality alerts evaluated');
}
