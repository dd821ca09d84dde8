// The dashboard's stock tiles: low-stock levels (the level list's own count) and stock cover from the ledger.
import { sql } from 'drizzle-orm';
import { codedError, type Db } from '@shop/kit';
import { shopTimeZone, shopToday } from '@shop/kit/shop-time';
import { variantsForCheckout } from '@shop/products/commands';
import { movement } from '../ledger/index.js';
import { countLevels, type StockLevelFilter } from '../service.js';
import { level } from '../tables.js';

/** The console's /stock filter the low-stock tile links to. */
export const LOW_STOCK_FILTER: StockLevelFilter = { lowStockOnly: true };

export const lowStockVariants = (db: Db) => countLevels(db, LOW_STOCK_FILTER);

/** Whole shop days the sales rate is averaged over (today, still under way, is left out). */
export const VELOCITY_DAYS = 28;

const MAX_COVER_ROWS = 100;

export interface StockCoverFigure {
  variantId: string;
  sku: string;
  available: number;
  dailyVelocity: number;
  daysLeft: number | null;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * The `first` variants (1..100, else BAD_USER_INPUT) with the fewest days of stock left: available
 * units over every warehouse ÷ units shipped per day over the last 28 whole
 * shop days (the ledger's SHIPMENT movements). Variants that shipped nothing
 * come last. One statement here and one for the SKUs (products owns them).
 */
export async function stockCover(db: Db, first: number, now: Date = new Date()): Promise<StockCoverFigure[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_COVER_ROWS) {
    throw codedError('BAD_USER_INPUT', `first must be between 1 and ${MAX_COVER_ROWS}.`, { argument: 'first' });
  }
  const zone = shopTimeZone();
  const today = shopToday(now);
  // Midnight of a shop day as an instant: the day's local midnight read in the shop's zone.
  const since = sql`((${today}::date - ${VELOCITY_DAYS}::int)::timestamp at time zone ${zone})`;
  const until = sql`(${today}::date::timestamp at time zone ${zone})`;
  const rows = await db.execute<{ variant_id: string; available: number; units: number }>(sql`
    with sold as (
      select ${movement.variantId} as variant_id, -sum(${movement.onHandDelta})::int as units from ${movement}
      where ${movement.kind} = 'SHIPMENT' and ${movement.createdAt} >= ${since} and ${movement.createdAt} < ${until}
      group by 1),
    held as (select ${level.variantId} as variant_id, sum(${level.onHand} - ${level.reserved})::int as available from ${level} group by 1)
    select held.variant_id, held.available, coalesce(sold.units, 0)::int as units
    from held left join sold using (variant_id)
    order by case when sold.units > 0 then held.available::numeric / sold.units end asc nulls last, held.available, held.variant_id
    limit ${first}`);
  const variants = await variantsForCheckout(db, rows.map((r) => r.variant_id));
  return rows.map((r) => {
    const velocity = r.units / VELOCITY_DAYS;
    return {
      variantId: r.variant_id,
      sku: variants.get(r.variant_id)?.sku ?? '',
      available: r.available,
      dailyVelocity: round(velocity, 2),
      daysLeft: r.units > 0 ? round(r.available / velocity, 1) : null,
    };
  });
}
