// Stock reservations for orders: reserve, release, commit and expiry.
import { and, eq, sql } from 'drizzle-orm';
import { isId, ok, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { crossedReorderPoint, evaluateAlerts, type LevelKey } from '../alerts/index.js';
import { applyMovements, insufficient, type StockResult, type StockUserError } from '../ledger/index.js';
import { reservation, reservationLine } from './tables.js';

export const EXPIRE_RESERVATION = 'stock.expireReservation';

/** Largest quantity one line may hold: beyond any real order, and far from integer overflow. */
const MAX_LINE_QUANTITY = 1_000_000;
export const MAX_REFERENCE_LENGTH = 200;

export type ReserveErrorCode = 'INSUFFICIENT_STOCK' | 'INVALID_QUANTITY' | 'DUPLICATE_REFERENCE';

export interface ReservedLine {
  variantId: string;
  warehouseId: string;
  quantity: number;
}

interface Allocation {
  total: number;
  taken: { variant_id: string; warehouse_id: string; take: number; available: number; reorder_point: number }[];
}

/**
 * Holds stock for `reference`, all or nothing, in the caller's transaction.
 * Each variant is allocated across active warehouses in picking order by ONE
 * statement that locks the variant's levels, takes what it needs and writes the
 * movements and reservation lines: the row locks are taken last and held only
 * until the caller commits (a hot stock row is the bottleneck under load). Variants go in id order and levels
 * lock in warehouse id order, the ledger's lock order.
 *
 * On a failed result rows may have been written: the caller rolls back.
 */
export async function reserve(
  tx: Db,
  lines: readonly { variantId: string; quantity: number }[],
  reference: string,
  options: { expiresAt?: Date | null; actorId?: string | null } = {},
): Promise<StockResult<{ lines: ReservedLine[] }, ReserveErrorCode>> {
  const invalid = validateLines(lines);
  if (invalid) return { ok: false, errors: [invalid] };
  if (!reference.trim()) {
    return { ok: false, errors: [{ field: ['input', 'reference'], code: 'DUPLICATE_REFERENCE', message: 'A reference is required.' }] };
  }
  // The reference is a unique key: a btree index entry holds about 2.7 KB.
  if (reference.length > MAX_REFERENCE_LENGTH) {
    return { ok: false, errors: [{ field: ['input', 'reference'], code: 'DUPLICATE_REFERENCE', message: `A reference has at most ${MAX_REFERENCE_LENGTH} characters.` }] };
  }
  const [header] = await tx
    .insert(reservation)
    .values({ reference, expiresAt: options.expiresAt ?? null })
    .onConflictDoNothing({ target: reservation.reference })
    .returning({ id: reservation.id });
  if (!header) {
    return {
      ok: false,
      errors: [{ field: ['input', 'reference'], code: 'DUPLICATE_REFERENCE', message: `Reference ${reference} is already used.` }],
    };
  }
  if (options.expiresAt) {
    await enqueue(tx, EXPIRE_RESERVATION, { reference }, { jobKey: `reservation:${reference}`, runAt: options.expiresAt });
  }
  const wanted = mergeLines(lines);
  const reserved: ReservedLine[] = [];
  const crossed: LevelKey[] = [];
  for (const line of wanted) {
    const allocation = await allocate(tx, header.id, reference, line.variantId, line.quantity, options.actorId ?? null);
    if (!allocation.taken.length) {
      const error: StockUserError<'INSUFFICIENT_STOCK'> = insufficient(line.variantId, allocation.total, ['input', 'lines', String(line.index), 'quantity']);
      return { ok: false, errors: [error] };
    }
    for (const t of allocation.taken) {
      reserved.push({ variantId: t.variant_id, warehouseId: t.warehouse_id, quantity: t.take });
      if (crossedReorderPoint(t.available, -t.take, t.reorder_point)) crossed.push({ variantId: t.variant_id, warehouseId: t.warehouse_id });
    }
  }
  await evaluateAlerts(tx, crossed);
  return ok({ lines: reserved });
}

function validateLines(lines: readonly { variantId: string; quantity: number }[]): StockUserError<ReserveErrorCode> | null {
  if (!lines.length) return { field: ['input', 'lines'], code: 'INVALID_QUANTITY', message: 'Reserve at least one line.' };
  for (const [i, line] of lines.entries()) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0 || line.quantity > MAX_LINE_QUANTITY) {
      return { field: ['input', 'lines', String(i), 'quantity'], code: 'INVALID_QUANTITY', message: `Quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}.` };
    }
    // Not a variant id at all: nothing of it can be in stock.
    if (!isId(line.variantId)) return insufficient(line.variantId, 0, ['input', 'lines', String(i), 'variantId']);
  }
  return null;
}

/** One line per variant (quantities summed), in lock order; `index` is the first input line naming it. */
function mergeLines(lines: readonly { variantId: string; quantity: number }[]) {
  const byVariant = new Map<string, { variantId: string; quantity: number; index: number }>();
  lines.forEach((line, index) => {
    const merged = byVariant.get(line.variantId.toLowerCase()) ?? { variantId: line.variantId.toLowerCase(), quantity: 0, index };
    merged.quantity += line.quantity;
    byVariant.set(merged.variantId, merged);
  });
  return [...byVariant.values()].sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
}

/**
 * Locks the variant's levels in active warehouses, takes `quantity` from them in
 * picking order and records the movements and reservation lines, in one
 * statement. Takes nothing when the total falls short, and says the total.
 * Locked rows are re-read at their latest version, so `available` is current.
 */
async function allocate(tx: Db, reservationId: string, reference: string, variantId: string, quantity: number, actorId: string | null): Promise<Allocation> {
  const [row] = await tx.execute<{ total: number; taken: Allocation['taken'] }>(sql`
    with locked as (
      select l.id, l.on_hand - l.reserved as available, w.priority, w.code
      from stock.level l join stock.warehouse w on w.id = l.warehouse_id
      where l.variant_id = ${variantId} and w.active and l.on_hand > l.reserved
      order by l.warehouse_id
      for update of l
    ), totals as (
      select coalesce(sum(available), 0)::int as total from locked
    ), plan as (
      select id, least(available, ${quantity} - coalesce(sum(available) over (
        order by priority, code rows between unbounded preceding and 1 preceding), 0)) as take
      from locked
    ), taken as (
      update stock.level l set reserved = l.reserved + p.take, updated_at = now()
      from plan p, totals t
      where l.id = p.id and p.take > 0 and t.total >= ${quantity}
      returning l.variant_id, l.warehouse_id, p.take::int as take, l.on_hand - l.reserved as available, l.reorder_point
    ), moved as (
      insert into stock.movement (variant_id, warehouse_id, kind, on_hand_delta, reserved_delta, reference, actor_id)
      select variant_id, warehouse_id, 'RESERVATION', 0, take, ${reference}, ${actorId} from taken
    ), lined as (
      insert into stock.reservation_line (reservation_id, variant_id, warehouse_id, quantity)
      select ${reservationId}, variant_id, warehouse_id, take from taken
    )
    select (select total from totals) as total, coalesce((select json_agg(taken) from taken), '[]'::json) as taken`);
  return row!;
}

export type SettleErrorCode = 'NOT_FOUND' | 'INVALID_STATE' | 'INSUFFICIENT_STOCK' | 'UNKNOWN_WAREHOUSE' | 'INVALID_QUANTITY';

/** Gives what an ACTIVE reservation still holds (shipments may have taken part) back to available. */
export function release(tx: Db, reference: string, actorId: string | null = null) {
  return settle(tx, reference, 'RELEASED', actorId);
}

/** Ships what an ACTIVE reservation still holds, all at once (a till sale): its units leave on_hand and reserved together. */
export function commit(tx: Db, reference: string, actorId: string | null = null) {
  return settle(tx, reference, 'COMMITTED', actorId);
}

async function settle(
  tx: Db,
  reference: string,
  to: 'RELEASED' | 'COMMITTED',
  actorId: string | null,
): Promise<StockResult<{ lines: ReservedLine[] }, SettleErrorCode>> {
  // The status change locks the reservation first: a concurrent release and commit take turns.
  const [header] = await tx
    .update(reservation)
    .set({ status: to, updatedAt: new Date() })
    .where(and(eq(reservation.reference, reference), eq(reservation.status, 'ACTIVE')))
    .returning({ id: reservation.id });
  if (!header) {
    const [existing] = await tx.select({ status: reservation.status }).from(reservation).where(eq(reservation.reference, reference));
    return existing
      ? { ok: false, errors: [{ field: ['input', 'reference'], code: 'INVALID_STATE', message: `Reservation ${reference} is ${existing.status}.` }] }
      : { ok: false, errors: [{ field: ['input', 'reference'], code: 'NOT_FOUND', message: `No reservation ${reference}.` }] };
  }
  const lines = await tx
    .select({ variantId: reservationLine.variantId, warehouseId: reservationLine.warehouseId, quantity: reservationLine.quantity })
    .from(reservationLine)
    .where(and(eq(reservationLine.reservationId, header.id), sql`${reservationLine.quantity} > 0`));
  const applied = await applyMovements(
    tx,
    lines.map((l) => ({
      variantId: l.variantId,
      warehouseId: l.warehouseId,
      kind: to === 'RELEASED' ? ('RELEASE' as const) : ('SHIPMENT' as const),
      onHandDelta: to === 'RELEASED' ? 0 : -l.quantity,
      reservedDelta: -l.quantity,
      reference,
      actorId,
    })),
  );
  return applied.ok ? ok({ lines }) : applied;
}

/** The expiry job: releases the hold if it is still ACTIVE; a released or shipped one is left alone. */
export async function expireReservation(payload: unknown, db: Db): Promise<void> {
  const { reference } = payload as { reference: string };
  await db.transaction(async (tx) => {
    const result = await release(tx, reference);
    // Anything but "no longer active" is a fault: roll back so the job retries.
    if (!result.ok && result.errors[0]!.code !== 'INVALID_STATE' && result.errors[0]!.code !== 'NOT_FOUND') {
      throw new Error(`Expiring reservation ${reference}: ${result.errors[0]!.message}`);
    }
  });
}
