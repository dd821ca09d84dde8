// Warehouses and stock levels: reads and writes (adjustments go through the ledger).
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import {
  anyId,
  changeOf,
  connectionOf,
  fail,
  isId,
  ok,
  requireStepUp,
  type ChangeRecord,
  type ConnectionArgs,
  type Db,
  type Principal,
} from '@shop/kit';
import { applyMovements, movement, type LedgerErrorCode, type StockResult } from './ledger/index.js';
import { alert, evaluateAlerts } from './alerts/index.js';
import { variantIdsBySku } from '@shop/products/commands';
import { level, warehouse, type LevelRow, type WarehouseRow } from './tables.js';

/** One warehouse's balance of one variant. */
export interface StockLevelView {
  id: string;
  variantId: string;
  safetyStock: number;
  reorderPoint: number;
  lowStock: boolean;
  warehouse: WarehouseRow;
  onHand: number;
  reserved: number;
  available: number;
}

/** A variant's balance over every warehouse. */
export interface StockSummaryView {
  onHand: number;
  reserved: number;
  available: number;
  levels: StockLevelView[];
}

/** Every warehouse in picking order (priority, then code). `tx` may be the pool. */
export function listWarehouses(tx: Db) {
  return tx.select().from(warehouse).orderBy(asc(warehouse.priority), asc(warehouse.code));
}

export function warehousesByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(warehouse).where(anyId(warehouse.id, ids));
}

/**
 * The levels of many variants with their warehouses, in one query; rows come
 * grouped by variant and in picking order within each variant.
 */
export async function levelsByVariantIds(tx: Db, variantIds: readonly string[]): Promise<StockLevelView[]> {
  const rows = await tx
    .select({ level, warehouse })
    .from(level)
    .innerJoin(warehouse, eq(level.warehouseId, warehouse.id))
    .where(anyId(level.variantId, variantIds))
    .orderBy(level.variantId, warehouse.priority, warehouse.code);
  return rows.map((row) => levelView(row.level, row.warehouse));
}

export function levelView(row: LevelRow, warehouseRow: WarehouseRow): StockLevelView {
  const available = row.onHand - row.reserved;
  return {
    id: row.id,
    variantId: row.variantId,
    warehouse: warehouseRow,
    onHand: row.onHand,
    reserved: row.reserved,
    available,
    safetyStock: row.safetyStock,
    reorderPoint: row.reorderPoint,
    lowStock: available <= row.reorderPoint,
  };
}

/**
 * Totals over active warehouses only: stock in an inactive warehouse cannot be
 * sold, though its level is still listed.
 */
export function summarize(levels: StockLevelView[]): StockSummaryView {
  let onHand = 0;
  let reserved = 0;
  for (const l of levels) {
    if (!l.warehouse.active) continue;
    onHand += l.onHand;
    reserved += l.reserved;
  }
  return { onHand, reserved, available: onHand - reserved, levels };
}

export interface StockLevelFilter {
  warehouseId?: string | null;
  query?: string | null;
  lowStockOnly?: boolean | null;
}

/** The level list's condition (a SKU search asks products for its variant first). */
async function levelFilterSql(db: Db, filter: StockLevelFilter): Promise<SQL | undefined> {
  const conditions: (SQL | undefined)[] = [];
  if (filter.warehouseId) conditions.push(anyId(level.warehouseId, [filter.warehouseId]));
  if (filter.lowStockOnly) conditions.push(sql`${level.onHand} - ${level.reserved} <= ${level.reorderPoint}`);
  if (filter.query?.trim()) {
    // A SKU names one variant; products owns SKUs, so ask it.
    const ids = await variantIdsBySku(db, [filter.query.trim()]);
    conditions.push(anyId(level.variantId, [...ids.values()]));
  }
  return and(...conditions);
}

const countLevelsWhere = async (db: Db, where: SQL | undefined) => (await db.select({ n: count() }).from(level).where(where))[0]!.n;

/** How many levels match a filter: the level list's totalCount and the dashboard's low-stock tile. */
export async function countLevels(db: Db, filter: StockLevelFilter): Promise<number> {
  return countLevelsWhere(db, await levelFilterSql(db, filter));
}

/** Levels in (variant, level id) order: one keyset query and a lazy count. */
export async function listLevels(db: Db, args: ConnectionArgs & { filter?: StockLevelFilter | null }) {
  const filter = args.filter ?? {};
  const where = await levelFilterSql(db, filter);
  return connectionOf(args, {
    sort: level.variantId,
    id: level.id,
    descending: false,
    filter: where,
    rows: async (page) =>
      (
        await db
          .select({ level, warehouse })
          .from(level)
          .innerJoin(warehouse, eq(level.warehouseId, warehouse.id))
          .where(page.where)
          .orderBy(...page.orderBy)
          .limit(page.limit)
      ).map((row) => levelView(row.level, row.warehouse)),
    keyset: (row) => ({ value: row.variantId, id: row.id }),
    count: () => countLevelsWhere(db, where),
  });
}

/** One variant's ledger, newest first. */
export async function listMovements(db: Db, args: ConnectionArgs & { variantId: string; warehouseId?: string | null }) {
  const where = and(
    anyId(movement.variantId, [args.variantId]),
    args.warehouseId ? anyId(movement.warehouseId, [args.warehouseId]) : undefined,
  );
  return connectionOf(args, {
    sort: movement.createdAt,
    id: movement.id,
    descending: true,
    filter: where,
    rows: (page) => db.select().from(movement).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: count() }).from(movement).where(where))[0]!.n,
  });
}

/** Open low-stock alerts, newest first. */
export async function listLowStock(db: Db, args: ConnectionArgs & { warehouseId?: string | null }) {
  const where = and(
    eq(alert.status, 'OPEN'),
    args.warehouseId ? anyId(alert.warehouseId, [args.warehouseId]) : undefined,
  );
  return connectionOf(args, {
    sort: alert.raisedAt,
    id: alert.id,
    descending: true,
    filter: where,
    rows: (page) => db.select().from(alert).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.raisedAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: count() }).from(alert).where(where))[0]!.n,
  });
}

/** One level with its warehouse, for mutation payloads. */
export async function levelByKey(db: Db, variantId: string, warehouseId: string) {
  if (!isId(variantId) || !isId(warehouseId)) return null;
  const [row] = await db
    .select({ level, warehouse })
    .from(level)
    .innerJoin(warehouse, eq(level.warehouseId, warehouse.id))
    .where(and(eq(level.variantId, variantId), eq(level.warehouseId, warehouseId)));
  return row ? levelView(row.level, row.warehouse) : null;
}

// ---- Writes: each runs in the mutation's transaction and returns a Result.


/** The id the ledger records as the actor: the staff member or API key behind the request. */
export function actorIdOf(principal: Principal): string | null {
  if (principal.kind === 'staff') return principal.staffId;
  if (principal.kind === 'partner') return principal.apiKeyId;
  return null;
}

export interface WarehouseCreateInput {
  code: string;
  name: string;
  priority?: number | null;
  active?: boolean | null;
}

const MAX_WAREHOUSE_CODE_LENGTH = 32;

export async function warehouseCreate(
  tx: Db,
  input: WarehouseCreateInput,
): Promise<StockResult<WarehouseRow, 'INVALID' | 'DUPLICATE_CODE'>> {
  if (!input.code.trim()) return fail('INVALID', 'A code is required.', ['input', 'code']);
  // A unique key (btree entries hold about 2.7 KB), and shown on every stock screen.
  if (input.code.trim().length > MAX_WAREHOUSE_CODE_LENGTH) return fail('INVALID', `A code has at most ${MAX_WAREHOUSE_CODE_LENGTH} characters.`, ['input', 'code']);
  if (!input.name.trim()) return fail('INVALID', 'A name is required.', ['input', 'name']);
  if (input.priority != null && !Number.isInteger(input.priority)) return fail('INVALID', 'Priority must be a whole number.', ['input', 'priority']);
  const [row] = await tx
    .insert(warehouse)
    .values({ code: input.code.trim(), name: input.name.trim(), priority: input.priority ?? 100, active: input.active ?? true })
    .onConflictDoNothing({ target: warehouse.code })
    .returning();
  return row ? ok(row) : fail('DUPLICATE_CODE', `Warehouse code ${input.code} is already used.`, ['input', 'code']);
}

export interface WarehouseUpdateInput {
  id: string;
  name?: string | null;
  priority?: number | null;
  active?: boolean | null;
}

export async function warehouseUpdate(
  tx: Db,
  input: WarehouseUpdateInput,
  changes: ChangeRecord[],
): Promise<StockResult<WarehouseRow, 'INVALID' | 'NOT_FOUND'>> {
  if (!isId(input.id)) return fail('NOT_FOUND', `No warehouse ${input.id}.`, ['input', 'id']);
  if (input.name != null && !input.name.trim()) return fail('INVALID', 'A name cannot be blank.', ['input', 'name']);
  const [before] = await tx.select().from(warehouse).where(eq(warehouse.id, input.id)).for('update');
  if (!before) return fail('NOT_FOUND', `No warehouse ${input.id}.`, ['input', 'id']);
  const [after] = await tx
    .update(warehouse)
    .set({
      name: input.name?.trim() ?? before.name,
      priority: input.priority ?? before.priority,
      active: input.active ?? before.active,
      updatedAt: new Date(),
    })
    .where(eq(warehouse.id, input.id))
    .returning();
  const pick = (w: WarehouseRow) => ({ name: w.name, priority: w.priority, active: w.active });
  const change = changeOf('Warehouse', input.id, pick(before), pick(after!));
  if (change) changes.push(change);
  return ok(after!);
}

export interface StockLevelUpdateInput {
  variantId: string;
  warehouseId: string;
  safetyStock?: number | null;
  reorderPoint?: number | null;
}

export async function stockLevelUpdate(
  tx: Db,
  input: StockLevelUpdateInput,
  changes: ChangeRecord[],
): Promise<StockResult<LevelRow, 'INVALID_QUANTITY' | 'UNKNOWN_VARIANT' | 'UNKNOWN_WAREHOUSE'>> {
  for (const key of ['safetyStock', 'reorderPoint'] as const) {
    const value = input[key];
    if (value != null && (!Number.isInteger(value) || value < 0)) {
      return fail('INVALID_QUANTITY', `${key} must be a whole number, zero or more.`, ['input', key]);
    }
  }
  if (!isId(input.variantId)) return fail('UNKNOWN_VARIANT', `No variant ${input.variantId}.`, ['input', 'variantId']);
  if (!isId(input.warehouseId) || !(await tx.select({ id: warehouse.id }).from(warehouse).where(eq(warehouse.id, input.warehouseId))).length) {
    return fail('UNKNOWN_WAREHOUSE', `No warehouse ${input.warehouseId}.`, ['input', 'warehouseId']);
  }
  // Settings may come before the first unit arrives: the level is created empty.
  await tx.insert(level).values({ variantId: input.variantId, warehouseId: input.warehouseId }).onConflictDoNothing();
  const key = and(eq(level.variantId, input.variantId), eq(level.warehouseId, input.warehouseId));
  const [before] = await tx.select().from(level).where(key).for('update');
  const [after] = await tx
    .update(level)
    .set({
      safetyStock: input.safetyStock ?? before!.safetyStock,
      reorderPoint: input.reorderPoint ?? before!.reorderPoint,
      updatedAt: new Date(),
    })
    .where(key)
    .returning();
  const pick = (l: LevelRow) => ({ safetyStock: l.safetyStock, reorderPoint: l.reorderPoint });
  const change = changeOf('StockLevel', after!.id, pick(before!), pick(after!));
  if (change) changes.push(change);
  // A new reorder point may put the level on either side of the line.
  await evaluateAlerts(tx, [{ variantId: input.variantId, warehouseId: input.warehouseId }]);
  return ok(after!);
}

export type StockAdjustReason = 'DAMAGED' | 'LOST' | 'FOUND' | 'CORRECTION' | 'WRITE_OFF' | 'RETURN_TO_STOCK';

export interface StockAdjustInput {
  variantId: string;
  warehouseId: string;
  quantity: number;
  reason: StockAdjustReason;
  note?: string | null;
}

/** Decreases larger than this (adjustments and stocktakes) need a fresh step-up: they can hide theft. */
export const STEP_UP_DECREASE = 50;

export async function stockAdjust(
  tx: Db,
  principal: Principal,
  input: StockAdjustInput,
): Promise<StockResult<{ variantId: string; warehouseId: string }, 'UNKNOWN_VARIANT' | LedgerErrorCode>> {
  if (!Number.isInteger(input.quantity) || input.quantity === 0 || Math.abs(input.quantity) > 1_000_000) {
    return fail('INVALID_QUANTITY', 'Quantity must be a non-zero whole number.', ['input', 'quantity']);
  }
  if (input.quantity < -STEP_UP_DECREASE) requireStepUp(principal, `decrease stock by more than ${STEP_UP_DECREASE} units`);
  if (!isId(input.variantId)) return fail('UNKNOWN_VARIANT', `No variant ${input.variantId}.`, ['input', 'variantId']);
  const result = await applyMovements(tx, [
    {
      variantId: input.variantId,
      warehouseId: input.warehouseId,
      kind: input.reason === 'WRITE_OFF' ? 'WRITE_OFF' : 'ADJUSTMENT',
      onHandDelta: input.quantity,
      reservedDelta: 0,
      // The movement has no note column; the note is what the adjustment refers to.
      reference: input.note?.trim() || null,
      reasonCode: input.reason,
      actorId: actorIdOf(principal),
    },
  ]);
  if (!result.ok) {
    return { ok: false as const, errors: result.errors.map((e) => ({ ...e, field: ['input', e.code === 'UNKNOWN_WAREHOUSE' ? 'warehouseId' : 'quantity'] })) };
  }
  return ok({ variantId: input.variantId, warehouseId: input.warehouseId });
}
