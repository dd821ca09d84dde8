// Quality alerts as the catalog team reads and acknowledges them, and return reasons per product and lot.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { anyId, connectionOf, isId, ok, type ChangeRecord, type ConnectionArgs, type Db, type Result } from '@shop/kit';
import type { ReturnReasonCode } from '../after-sales/tables.js';
import type { QualityErrorCode } from './settings.js';
import { qualityAlert, type QualityAlertRow, type QualityAlertStatus } from './tables.js';
import { qualityFail } from '../errors/index.js';

export interface QualityAlertFilter {
  status?: QualityAlertStatus | null;
  productId?: string | null;
}

/** Alerts newest first, optionally of one status or product, one keyset page. */
export function listQualityAlerts(db: Db, args: ConnectionArgs & { filter?: QualityAlertFilter | null }) {
  const conditions: SQL[] = [];
  const { status, productId } = args.filter ?? {};
  if (status) conditions.push(eq(qualityAlert.status, status));
  // A malformed product id matches nothing rather than failing the query.
  if (productId) conditions.push(isId(productId) ? eq(qualityAlert.productId, productId) : sql`false`);
  const filter = conditions.length ? and(...conditions) : undefined;
  return connectionOf(args, {
    sort: qualityAlert.createdAt,
    id: qualityAlert.id,
    descending: true,
    filter,
    rows: (page) => db.select().from(qualityAlert).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => db.$count(qualityAlert, filter),
  });
}

export function qualityAlertsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(qualityAlert).where(anyId(qualityAlert.id, ids));
}

const MAX_NOTE = 1000;

/**
 * Marks an open alert as seen and handled by the catalog team, with what they did. An acknowledged product or lot
 * does not alert again until the rule's window has moved past the acknowledgement (see evaluateQualityAlerts).
 */
export async function acknowledgeQualityAlert(
  tx: Db,
  staffId: string | null,
  input: { id: string; note?: string | null },
  changes: ChangeRecord[],
): Promise<Result<QualityAlertRow, QualityErrorCode>> {
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE) return qualityFail('INVALID:note', ['input', 'note'], { max: MAX_NOTE });
  if (!isId(input.id)) return qualityFail('NOT_FOUND', ['input', 'id']);
  const [row] = await tx.select().from(qualityAlert).where(eq(qualityAlert.id, input.id)).for('update');
  if (!row) return qualityFail('NOT_FOUND', ['input', 'id']);
  if (row.status !== 'OPEN') return qualityFail('INVALID_STATE', ['input', 'id']);
  const [updated] = await tx
    .update(qualityAlert)
    .set({ status: 'ACKNOWLEDGED', acknowledgedAt: sql`now()`, acknowledgedByStaffId: staffId, note, updatedAt: sql`now()` })
    .where(eq(qualityAlert.id, row.id))
    .returning();
  changes.push({ entity: 'QualityAlert', id: row.id, before: { status: row.status }, after: { status: 'ACKNOWLEDGED' } });
  return ok(updated!);
}

export interface ReasonCount {
  reasonCode: ReturnReasonCode;
  units: number;
  requests: number;
}

export interface ProductReturnStats {
  windowDays: number;
  shippedUnits: number;
  reasons: ReasonCount[];
  lots: { lotCode: string; shippedUnits: number; reasons: ReasonCount[] }[];
}

const MAX_STATS_WINDOW_DAYS = 365;

/**
 * Units returned per reason code for one product, and per lot, over the last `windowDays` (requests opened in it,
 * rejected ones left out), beside the units shipped in it. Lots appear when shipped or returned with a lot code.
 */
export async function productReturnStats(db: Db, productId: string, windowDays: number): Promise<ProductReturnStats> {
  const days = Math.min(Math.max(Math.trunc(windowDays), 1), MAX_STATS_WINDOW_DAYS);
  if (!isId(productId)) return { windowDays: days, shippedUnits: 0, reasons: [], lots: [] };
  const since = sql`now() - make_interval(days => ${days})`;
  const returned = await db.execute<{ lot_code: string | null; reason_code: ReturnReasonCode; units: number; requests: number; lot_level: boolean }>(sql`
    select case when grouping(rl.lot_code) = 1 then null else rl.lot_code end as lot_code,
           grouping(rl.lot_code) = 0 as lot_level,
           rr.reason_code, sum(rl.quantity)::int as units, count(distinct rr.id)::int as requests
    from orders.return_request_line rl
    join orders.return_request rr on rr.id = rl.return_request_id
    join orders.order_line ol on ol.id = rl.order_line_id
    where ol.product_id = ${productId} and rr.created_at >= ${since} and rr.status <> 'REJECTED'
    group by grouping sets ((rr.reason_code), (rr.reason_code, rl.lot_code))
    having grouping(rl.lot_code) = 1 or rl.lot_code is not null
    order by units desc, reason_code`);
  const shipped = await db.execute<{ lot_code: string | null; units: number }>(sql`
    select case when grouping(sl.lot_code) = 1 then null else sl.lot_code end as lot_code, sum(sl.quantity)::int as units
    from orders.shipment_line sl
    join orders.shipment sh on sh.id = sl.shipment_id
    join orders.order_line ol on ol.id = sl.order_line_id
    where ol.product_id = ${productId} and sh.shipped_at >= ${since} and sh.kind = 'ORIGINAL'
    group by grouping sets ((), (sl.lot_code))
    having grouping(sl.lot_code) = 1 or sl.lot_code is not null`);
  const lots = new Map<string, { lotCode: string; shippedUnits: number; reasons: ReasonCount[] }>();
  const lot = (lotCode: string) => lots.get(lotCode) ?? lots.set(lotCode, { lotCode, shippedUnits: 0, reasons: [] }).get(lotCode)!;
  let shippedUnits = 0;
  for (const row of shipped) {
    if (row.lot_code === null) shippedUnits = row.units;
    else lot(row.lot_code).shippedUnits = row.units;
  }
  const reasons: ReasonCount[] = [];
  for (const row of returned) {
    const count = { reasonCode: row.reason_code, units: row.units, requests: row.requests };
    if (row.lot_level) lot(row.lot_code!).reasons.push(count);
    else reasons.push(count);
  }
  return { windowDays: days, shippedUnits, reasons, lots: [...lots.values()].sort((a, b) => a.lotCode.localeCompare(b.lotCode)) };
}
