// Metric values from measures: money in the major unit, counts, and ratios with four decimals (null when ÷0).
import { formatMinor } from '@shop/kit';
import type { Measure, ReportMetric } from '../catalog/index.js';
import { divideRoundHalfUp } from '../service.js';
import type { Measures } from './sources.js';

/** a ÷ b with four decimals, rounded half up; null when b is 0. */
export function ratio(a: bigint, b: bigint): string | null {
  if (b === 0n) return null;
  const scaled = divideRoundHalfUp(a * 10_000n, b);
  const sign = scaled < 0n ? '-' : '';
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(5, '0');
  return `${sign}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

/**
 * A metric's value from the measures of one row or of the totals. `byProduct`:
 * GMV is the lines' net revenue (the report is split or filtered by product).
 */
export function metricValue(metric: ReportMetric, measures: Measures, currencyCode: string, byProduct: boolean): string | null {
  const m = (measure: Measure) => measures[measure] ?? 0n;
  const gmv = byProduct ? m('lineRevenueMinor') : m('gmvMinor');
  const cash = (minor: bigint) => formatMinor(minor, currencyCode);
  switch (metric) {
    case 'GMV': return cash(gmv);
    case 'ORDERS': return m('orders').toString();
    case 'AVERAGE_ORDER_VALUE': return m('orders') === 0n ? null : cash(divideRoundHalfUp(gmv, m('orders')));
    case 'UNITS_SOLD': return m('units').toString();
    case 'PAYING_MEMBERS': return m('payingMembers').toString();
    case 'NEW_MEMBERS': return m('newMembers').toString();
    case 'RETURNING_MEMBERS': return (m('payingMembers') - m('newMembers')).toString();
    case 'REFUNDS': return cash(m('refundMinor'));
    case 'REFUND_RATE': return ratio(m('refundMinor'), gmv);
    case 'NET_SALES': return cash(gmv - m('refundMinor'));
    case 'SESSIONS': return m('sessions').toString();
    case 'PAGE_VIEWS': return m('pageViews').toString();
    case 'UNIQUE_VISITORS': return m('visitors').toString();
    case 'CONVERSION_RATE': return ratio(m('orders'), m('sessions'));
    case 'COUPON_COST': return cash(m('couponMinor'));
    case 'PROMOTION_COST': return cash(m('promotionMinor'));
  }
}
