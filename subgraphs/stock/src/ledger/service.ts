// The stock ledger: every change of a level is a movement; applying and verifying them.
import { sql } from 'drizzle-orm';
import { isId, ok, type Db, type UserError } from '@shop/kit';
import { crossedReorderPoint, evaluateAlerts, type LevelKey } from '../alerts/index.js';
import { enqueueAvailability } from '../availability-feed/index.js';
import { movement, movementKind } from './tables.js';

export type MovementKind = (typeof movementKind.enumValues)[number];

/** One change to one level; the ledger keeps it as one movement row. */
export interface MovementInput {
  variantId: string;
  warehouseId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reference: string | null;
  reasonCode?: string | null;
  actorId: string | null;
}

export type LedgerErrorCode = 'INSUFFICIENT_STOCK' | 'UNKNOWN_WAREHOUSE' | 'INVALID_QUANTITY';

/** on_hand and reserved are PostgreSQL `integer` columns: no level may pass this. */
export const MAX_LEVEL_QUANTITY = 2_147_483_647;

function tooLarge(variantId: string): StockUserError<'INVALID_QUANTITY'> {
  return { field: null, code: 'INVALID_QUANTITY', message: `A stock level of variant ${variantId} may hold at most ${MAX_LEVEL_QUANTITY} units.` };
}

/** A stock user error; INSUFFICIENT_STOCK says how many units could have been had. */
export type StockUserError<Code extends string = string> = UserError<Code> & { availableQuantity?: number };

export type StockResult<T, Code extends string> =
  | { ok: true; value: T }
  | { ok: false; errors: StockUserError<Code>[] };

export function insufficient(variantId: string, available: number, field: string[] | null = null): StockUserError<'INSUFFICIENT_STOCK'> {
  return {
    field,
    code: 'INSUFFICIENT_STOCK',
    message: `Only ${Math.max(available, 0)} units of variant ${variantId} are available.`,
    availableQuantity: Math.max(available, 0),
  };
}

interface LevelChange extends LevelKey {
  onHandDelta: number;
  reservedDelta: number;
}

/** Lock order for every writer of levels: (variant_id, warehouse_id), so two writers never wait on each other in a circle. */
export function byLevelKey(a: LevelKey, b: LevelKey): number {
  return a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0;
}

/**
 * Applies movements to levels and records them, in the caller's transaction.
 * Each level is changed by one conditional UPDATE (on_hand >= reserved >= 0
 * after the change, checked by the UPDATE itself, never read-then-write), in
 * (variant_id, warehouse_id) order. Missing levels are created.
 *
 * On failure some levels may already have changed: the caller must roll back
 * (the mutation helper does; checkout's transaction does).
 */
export async function applyMovements(
  tx: Db,
  movements: readonly MovementInput[],
): Promise<StockResult<void, LedgerErrorCode>> {
  if (!movements.length) return ok(undefined);
  const changes = netChanges(movements);
  // A malformed id names no row; refuse it before PostgreSQL rejects the uuid cast.
  const malformed = changes.find((c) => !isId(c.variantId) || !isId(c.warehouseId));
  if (malformed) {
    return isId(malformed.warehouseId)
      ? { ok: false, errors: [insufficient(malformed.variantId, 0)] }
      : { ok: false, errors: [{ field: null, code: 'UNKNOWN_WAREHOUSE', message: `No warehouse ${malformed.warehouseId}.` }] };
  }
  // Several movements of one level add up; their sum must still fit the integer parameter.
  const huge = changes.find((c) => Math.abs(c.onHandDelta) > MAX_LEVEL_QUANTITY || Math.abs(c.reservedDelta) > MAX_LEVEL_QUANTITY);
  if (huge) return { ok: false, errors: [tooLarge(huge.variantId)] };
  const crossed: LevelKey[] = [];
  for (const change of changes) {
    let updated = await updateLevel(tx, change);
    if (!updated) {
      const existing = await currentLevel(tx, change);
      if (existing && (existing.onHand + change.onHandDelta > MAX_LEVEL_QUANTITY || existing.reserved + change.reservedDelta > MAX_LEVEL_QUANTITY)) {
        return { ok: false, errors: [tooLarge(change.variantId)] };
      }
      if (existing) return { ok: false, errors: [insufficient(change.variantId, existing.available)] };
      if (!(await warehouseExists(tx, change.warehouseId))) {
        return { ok: false, errors: [{ field: null, code: 'UNKNOWN_WAREHOUSE', message: `No warehouse ${change.warehouseId}.` }] };
      }
      await tx.execute(sql`insert into stock.level (variant_id, warehouse_id) values (${change.variantId}, ${change.warehouseId})
        on conflict (variant_id, warehouse_id) do nothing`);
      updated = await updateLevel(tx, change);
      if (!updated) {
        const now = await currentLevel(tx, change);
        return { ok: false, errors: [insufficient(change.variantId, now?.available ?? 0)] };
      }
    }
    if (crossedReorderPoint(updated.available, change.onHandDelta - change.reservedDelta, updated.reorderPoint)) {
      crossed.push(change);
    }
  }
  await tx.insert(movement).values(
    movements.map((m) => ({
      variantId: m.variantId,
      warehouseId: m.warehouseId,
      kind: m.kind,
      onHandDelta: m.onHandDelta,
      reservedDelta: m.reservedDelta,
      reference: m.reference,
      reasonCode: m.reasonCode ?? null,
      actorId: m.actorId,
    })),
  );
  await evaluateAlerts(tx, crossed);
  await enqueueAvailability(tx, changes.map((c) => c.variantId));
  return ok(undefined);
}

/** The net change per level, sorted into lock order. */
function netChanges(movements: readonly MovementInput[]): LevelChange[] {
  const byLevel = new Map<string, LevelChange>();
  for (const m of movements) {
    const key = `${m.variantId}/${m.warehouseId}`;
    const change = byLevel.get(key) ?? { variantId: m.variantId, warehouseId: m.warehouseId, onHandDelta: 0, reservedDelta: 0 };
    change.onHandDelta += m.onHandDelta;
    change.reservedDelta += m.reservedDelta;
    byLevel.set(key, change);
  }
  return [...byLevel.values()].sort(byLevelKey);
}

/**
 * The guard: the row changes only if the result keeps on_hand >= reserved >= 0
 * and both within the integer column (summed as bigint, so the check itself
 * cannot overflow; a refused row is reported by applyMovements).
 */
async function updateLevel(tx: Db, change: LevelChange) {
  const onHand = sql`on_hand::bigint + ${change.onHandDelta}::bigint`;
  const reserved = sql`reserved::bigint + ${change.reservedDelta}::bigint`;
  const [row] = await tx.execute<{ available: number; reorder_point: number }>(sql`
    update stock.level
    set on_hand = on_hand + ${change.onHandDelta}, reserved = reserved + ${change.reservedDelta}, updated_at = now()
    where variant_id = ${change.variantId} and warehouse_id = ${change.warehouseId}
      and ${onHand} >= ${reserved}
      and ${reserved} >= 0
      and ${onHand} <= ${MAX_LEVEL_QUANTITY} and ${reserved} <= ${MAX_LEVEL_QUANTITY}
    returning on_hand - reserved as available, reorder_point`);
  return row ? { available: row.available, reorderPoint: row.reorder_point } : null;
}

async function currentLevel(tx: Db, key: LevelKey) {
  const [row] = await tx.execute<{ available: number; onHand: number; reserved: number }>(sql`
    select on_hand - reserved as available, on_hand as "onHand", reserved from stock.level
    where variant_id = ${key.variantId} and warehouse_id = ${key.warehouseId}`);
  return row ?? null;
}

async function warehouseExists(tx: Db, id: string): Promise<boolean> {
  const rows = await tx.execute(sql`select 1 from stock.warehouse where id = ${id}`);
  return rows.length > 0;
}

export interface LedgerMismatch {
  variantId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  ledgerOnHand: number;
  ledgerReserved: number;
}

/**
 * Every level whose on_hand or reserved differs from the sum of its movements
 * (a level with no movements must be zero). One pass over both tables.
 */
export async function verifyLedger(db: Db): Promise<{ levels: number; mismatches: LedgerMismatch[] }> {
  const rows = await db.execute<{
    variant_id: string; warehouse_id: string; on_hand: number; reserved: number; ledger_on_hand: number; ledger_reserved: number; mismatch: boolean;
  }>(sql`
    select l.variant_id, l.warehouse_id, l.on_hand, l.reserved,
           coalesce(m.on_hand, 0)::int as ledger_on_hand, coalesce(m.reserved, 0)::int as ledger_reserved,
           (l.on_hand <> coalesce(m.on_hand, 0) or l.reserved <> coalesce(m.reserved, 0)) as mismatch
    from stock.level l
    left join (select variant_id, warehouse_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
               from stock.movement group by variant_id, warehouse_id) m
      on m.variant_id = l.variant_id and m.warehouse_id = l.warehouse_id`);
  return {
    levels: rows.length,
    mismatches: rows
      .filter((r) => r.mismatch)
      .map((r) => ({
        variantId: r.variant_id,
        warehouseId: r.warehouse_id,
        onHand: r.on_hand,
        reserved: r.reserved,
        ledgerOnHand: r.ledger_on_hand,
        ledgerReserved: r.ledger_reserved,
      })),
  };
}
