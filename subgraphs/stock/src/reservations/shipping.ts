// Shipping part of a reservation: units leave per shipment, possibly from another warehouse than the one holding them.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { isId, ok, type Db } from '@shop/kit';
import { applyMovements, byLevelKey, type MovementInput, type StockResult } from '../ledger/index.js';
import { warehouse } from '../tables.js';
import { reservation, reservationLine } from './tables.js';
import type { ReservedLine, SettleErrorCode } from './service.js';

/**
 * Ships `lines` under `reference` (a shipment number), in the caller's transaction.
 * With `reservation` (an order's), units come out of its hold: first from the
 * warehouse they ship from (leaving on_hand and reserved together), then from its
 * other warehouses (released there, taken from on_hand here); anything beyond
 * the hold, and every unit without a reservation (a replacement), must be
 * available at the shipping warehouse, else INSUFFICIENT_STOCK. A hold shipped
 * to its last unit becomes COMMITTED. Movement kind SHIPMENT (and RELEASE), reference
 * = the shipment's. NOT_FOUND: `reservation` holds nothing (an imported order); nothing moved.
 *
 * On a failed result rows may have been written: the caller rolls back.
 */
export async function shipFromReservation(
  tx: Db,
  input: { reservation: string | null; reference: string; lines: readonly ReservedLine[]; actorId: string | null },
): Promise<StockResult<{ lines: ReservedLine[] }, SettleErrorCode>> {
  const bad = input.lines.findIndex((l) => !Number.isInteger(l.quantity) || l.quantity <= 0);
  if (bad >= 0) {
    return { ok: false, errors: [{ field: ['input', 'lines', String(bad), 'quantity'], code: 'INVALID_QUANTITY', message: 'Ship at least one unit.' }] };
  }
  const held = input.reservation === null ? [] : await lockedHold(tx, input.reservation);
  if (held === null) return { ok: false, errors: [{ field: null, code: 'NOT_FOUND', message: `No active reservation ${input.reservation}.` }] };
  const movements: MovementInput[] = [];
  const move = (variantId: string, warehouseId: string, kind: 'SHIPMENT' | 'RELEASE', onHandDelta: number, reservedDelta: number) =>
    movements.push({ variantId, warehouseId, kind, onHandDelta, reservedDelta, reference: input.reference, actorId: input.actorId });
  for (const line of [...input.lines].sort(byLevelKey)) {
    let left = line.quantity;
    // Same warehouse first, then the others in lock order.
    const sources = held
      .filter((h) => h.variantId === line.variantId && h.quantity > 0)
      .sort((a, b) => Number(b.warehouseId === line.warehouseId) - Number(a.warehouseId === line.warehouseId));
    for (const source of sources) {
      const take = Math.min(left, source.quantity);
      if (!take) break;
      source.quantity -= take;
      left -= take;
      if (source.warehouseId === line.warehouseId) move(line.variantId, line.warehouseId, 'SHIPMENT', -take, -take);
      else {
        move(line.variantId, source.warehouseId, 'RELEASE', 0, -take);
        move(line.variantId, line.warehouseId, 'SHIPMENT', -take, 0);
      }
    }
    if (left) move(line.variantId, line.warehouseId, 'SHIPMENT', -left, 0);
  }
  const applied = await applyMovements(tx, movements);
  if (!applied.ok) return applied;
  for (const h of held) await tx.update(reservationLine).set({ quantity: h.quantity }).where(eq(reservationLine.id, h.id));
  if (input.reservation !== null && held.every((h) => h.quantity === 0)) {
    await tx
      .update(reservation)
      .set({ status: 'COMMITTED', updatedAt: new Date() })
      .where(eq(reservation.reference, input.reservation));
  }
  return ok({ lines: [...input.lines] });
}

/** The hold's lines, locked (the header first, as release and commit lock it); null when none is ACTIVE. */
async function lockedHold(tx: Db, reference: string) {
  const [header] = await tx
    .select({ id: reservation.id })
    .from(reservation)
    .where(and(eq(reservation.reference, reference), eq(reservation.status, 'ACTIVE')))
    .for('update');
  if (!header) return null;
  return tx
    .select({ id: reservationLine.id, variantId: reservationLine.variantId, warehouseId: reservationLine.warehouseId, quantity: reservationLine.quantity })
    .from(reservationLine)
    .where(eq(reservationLine.reservationId, header.id))
    .orderBy(asc(reservationLine.warehouseId))
    .for('update');
}

/** What an ACTIVE reservation still holds, per variant and warehouse (an order ships from there by default). */
export async function heldLines(tx: Db, reference: string): Promise<ReservedLine[]> {
  const rows = await tx
    .select({ variantId: reservationLine.variantId, warehouseId: reservationLine.warehouseId, quantity: reservationLine.quantity })
    .from(reservationLine)
    .innerJoin(reservation, eq(reservation.id, reservationLine.reservationId))
    .where(and(eq(reservation.reference, reference), eq(reservation.status, 'ACTIVE'), sql`${reservationLine.quantity} > 0`));
  return rows;
}

/** The first active warehouse in picking order: where an order without a reservation ships from. */
export async function pickingWarehouseId(tx: Db): Promise<string | null> {
  const [row] = await tx
    .select({ id: warehouse.id })
    .from(warehouse)
    .where(eq(warehouse.active, true))
    .orderBy(asc(warehouse.priority), asc(warehouse.code))
    .limit(1);
  return row?.id ?? null;
}

/** Whether `id` names an active warehouse. */
export async function isActiveWarehouse(tx: Db, id: string): Promise<boolean> {
  if (!isId(id)) return false;
  const [row] = await tx.select({ id: warehouse.id }).from(warehouse).where(and(eq(warehouse.id, id), eq(warehouse.active, true)));
  return Boolean(row);
}

/** References (order ids) with units still held in `warehouseId`: a sub-select for another domain's queue filter. */
export function referencesHeldIn(warehouseId: string): SQL {
  return sql`(select r.reference from ${reservation} r join ${reservationLine} rl on rl.reservation_id = r.id
    where r.status = 'ACTIVE' and rl.warehouse_id = ${warehouseId} and rl.quantity > 0)`;
}
