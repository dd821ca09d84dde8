// Purchasing: replenishment suggestions from sales velocity, and drafts made from them.
import { eq, sql } from 'drizzle-orm';
import { failWith, isId, ok, userError, type Db } from '@shop/kit';
import { insertDraft, supplierCosts, warehouseExists } from './purchase-orders.js';
import { supplier, type PurchaseOrderRow } from './tables.js';
import type { PurchasingError, PurchasingResult } from './suppliers.js';

/** Days of movements the sales velocity is measured over. */
export const VELOCITY_WINDOW_DAYS = 30;
/** Lead time assumed for a variant no supplier offers yet. */
export const DEFAULT_LEAD_TIME_DAYS = 7;

export interface ReplenishmentSuggestion {
  variantId: string;
  warehouseId: string;
  available: number;
  onOrder: number;
  /** Units per day with two decimals, e.g. "2.40". */
  velocityPerDay: string;
  leadTimeDays: number;
  safetyStock: number;
  suggestedQuantity: number;
  reason: string;
  supplierId: string | null;
}

interface Row extends Record<string, unknown> {
  variant_id: string;
  warehouse_id: string;
  available: number;
  on_order: number;
  velocity_hundredths: number;
  lead_time_days: number;
  safety_stock: number;
  suggested: number;
  supplier_id: string | null;
}

/** Hundredths as a two-decimal string: 240 -> "2.40". */
const hundredths = (value: number) => `${Math.trunc(value / 100)}.${String(value % 100).padStart(2, '0')}`;

/**
 * Levels in active warehouses that will run out within the lead time, with the
 * quantity to order, largest first.
 *
 * Demand over the window = reservations net of releases, plus shipments of
 * stock that was never reserved (a shipment of reserved stock lowers on_hand
 * and reserved alike, so it adds nothing: its reservation was already counted).
 * suggested = ceil(demand × leadTime ÷ window) + safety − available − onOrder,
 * all in integers; velocity is only shown, rounded half up to hundredths.
 * `supplierId` narrows to the variants that supplier offers (and uses its
 * lead time); otherwise each variant's cheapest supplier is used.
 */
export async function replenishmentSuggestions(
  tx: Db,
  options: { warehouseId?: string | null; supplierId?: string | null; limit?: number | null } = {},
): Promise<ReplenishmentSuggestion[]> {
  if (options.warehouseId != null && !isId(options.warehouseId)) return [];
  if (options.supplierId != null && !isId(options.supplierId)) return [];
  const warehouseFilter = options.warehouseId ? sql`and lv.warehouse_id = ${options.warehouseId}::uuid` : sql``;
  const supplierFilter = options.supplierId ? sql`where sp.supplier_id = ${options.supplierId}::uuid` : sql``;
  const limit = options.limit != null ? sql`limit ${options.limit}` : sql``;
  const rows = await tx.execute<Row>(sql`
    with demand as (
      select m.variant_id, m.warehouse_id,
             greatest(0, sum(case when m.kind in ('RESERVATION', 'RELEASE') then m.reserved_delta
                                  else m.reserved_delta - m.on_hand_delta end))::bigint as units
        from stock.movement m
       where m.kind in ('RESERVATION', 'RELEASE', 'SHIPMENT')
         and m.created_at >= now() - make_interval(days => ${VELOCITY_WINDOW_DAYS})
       group by m.variant_id, m.warehouse_id
    ), on_order as (
      select l.variant_id, po.warehouse_id, sum(l.quantity_ordered - l.quantity_received)::int as units
        from stock.purchase_order_line l
        join stock.purchase_order po on po.id = l.purchase_order_id
       where po.status in ('DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED')
       group by l.variant_id, po.warehouse_id
    ), source as (
      select distinct on (sp.variant_id) sp.variant_id, sp.supplier_id, s.lead_time_days
        from stock.supplier_product sp
        join stock.supplier s on s.id = sp.supplier_id
        ${supplierFilter}
       order by sp.variant_id, sp.cost_minor, s.lead_time_days, s.id
    ), figures as (
      select lv.variant_id, lv.warehouse_id, lv.on_hand - lv.reserved as available, lv.safety_stock,
             coalesce(o.units, 0) as on_order, coalesce(d.units, 0) as demand,
             coalesce(src.lead_time_days, ${DEFAULT_LEAD_TIME_DAYS}) as lead_time_days, src.supplier_id
        from stock.level lv
        join stock.warehouse w on w.id = lv.warehouse_id and w.active
        ${options.supplierId ? sql`join` : sql`left join`} source src on src.variant_id = lv.variant_id
        left join demand d on d.variant_id = lv.variant_id and d.warehouse_id = lv.warehouse_id
        left join on_order o on o.variant_id = lv.variant_id and o.warehouse_id = lv.warehouse_id
       where true ${warehouseFilter}
    ), suggested as (
      select f.*,
             ((f.demand * f.lead_time_days + ${VELOCITY_WINDOW_DAYS - 1}) / ${VELOCITY_WINDOW_DAYS}
               + f.safety_stock - f.available - f.on_order)::int as suggested,
             ((f.demand * 200 + ${VELOCITY_WINDOW_DAYS}) / ${2 * VELOCITY_WINDOW_DAYS})::int as velocity_hundredths
        from figures f
    )
    select * from suggested where suggested > 0
     order by suggested desc, variant_id, warehouse_id
     ${limit}`);
  return rows.map((row) => {
    const velocityPerDay = hundredths(row.velocity_hundredths);
    return {
      variantId: row.variant_id,
      warehouseId: row.warehouse_id,
      available: row.available,
      onOrder: row.on_order,
      velocityPerDay,
      leadTimeDays: row.lead_time_days,
      safetyStock: row.safety_stock,
      suggestedQuantity: row.suggested,
      supplierId: row.supplier_id,
      reason:
        `sells ${velocityPerDay}/day, ${row.lead_time_days}-day lead time, safety ${row.safety_stock}, ` +
        `${row.available} available, ${row.on_order} on order`,
    };
  });
}

/**
 * Drafts a PO to a supplier for every suggestion in a warehouse whose variant
 * that supplier offers, at the suggested quantity and the supplier's cost.
 */
export async function purchaseOrderCreateFromSuggestions(
  tx: Db,
  input: { warehouseId: string; supplierId: string },
): Promise<PurchasingResult<PurchaseOrderRow>> {
  const errors: PurchasingError[] = [];
  const [owner] = isId(input.supplierId) ? await tx.select().from(supplier).where(eq(supplier.id, input.supplierId)) : [];
  if (!owner) errors.push(userError('NOT_FOUND', 'No supplier has this id.', ['input', 'supplierId']));
  if (!(await warehouseExists(tx, input.warehouseId))) {
    errors.push(userError('UNKNOWN_WAREHOUSE', 'No warehouse has this id.', ['input', 'warehouseId']));
  }
  if (!owner || errors.length) return failWith(errors);
  const suggestions = await replenishmentSuggestions(tx, { warehouseId: input.warehouseId, supplierId: owner.id });
  if (!suggestions.length) {
    return failWith([
      userError('INVALID', `Nothing ${owner.name} supplies needs reordering in this warehouse.`, ['input', 'supplierId']),
    ]);
  }
  const costs = await supplierCosts(tx, owner.id, suggestions.map((s) => s.variantId));
  const lines = suggestions.map((s) => ({
    variantId: s.variantId,
    quantityOrdered: s.suggestedQuantity,
    unitCostMinor: costs.get(s.variantId)!,
  }));
  return ok(await insertDraft(tx, owner, input.warehouseId, lines));
}
