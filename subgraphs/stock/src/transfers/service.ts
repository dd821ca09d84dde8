// Transfers of stock between warehouses: create, state changes and reads.
import { asc, count, eq, sql } from 'drizzle-orm';
import { anyId, connectionOf, failWith, isId, ok, userError, type ConnectionArgs, type Db } from '@shop/kit';
import { applyMovements, type StockUserError } from '../ledger/index.js';
import { warehouse } from '../tables.js';
import { transfer, transferLine, transferStatus, type TransferRow } from './tables.js';

export type TransferStatus = (typeof transferStatus.enumValues)[number];
export type TransferLineRow = typeof transferLine.$inferSelect;

export type TransferErrorCode =
  | 'INVALID'
  | 'INVALID_QUANTITY'
  | 'UNKNOWN_WAREHOUSE'
  | 'UNKNOWN_VARIANT'
  | 'SAME_WAREHOUSE'
  | 'INSUFFICIENT_STOCK'
  | 'INVALID_STATE'
  | 'NOT_FOUND';

export type TransferResult<T> = { ok: true; value: T } | { ok: false; errors: StockUserError<TransferErrorCode>[] };

// Large enough for any real transfer, far inside int4.
const MAX_QUANTITY = 1_000_000;

/**
 * The state machine: which status each action may start from, and where it goes.
 * DRAFT → IN_TRANSIT (ship: stock leaves the source) → RECEIVED (receive: stock
 * arrives at the destination). CANCELLED is a status no action here reaches yet.
 */
export const TRANSITIONS = {
  ship: { from: 'DRAFT', to: 'IN_TRANSIT' },
  receive: { from: 'IN_TRANSIT', to: 'RECEIVED' },
} as const satisfies Record<string, { from: TransferStatus; to: TransferStatus }>;
export type TransferAction = keyof typeof TRANSITIONS;

export interface TransferLineInput {
  variantId: string;
  quantity: number;
}

export interface TransferCreateInput {
  fromWarehouseId: string;
  toWarehouseId: string;
  lines: TransferLineInput[];
}

async function warehouseExists(tx: Db, id: string): Promise<boolean> {
  if (!isId(id)) return false;
  return (await tx.select({ id: warehouse.id }).from(warehouse).where(eq(warehouse.id, id))).length > 0;
}

/** Drafts a transfer; every input error is reported at once, lines by their index. Moves no stock. */
export async function transferCreate(tx: Db, input: TransferCreateInput): Promise<TransferResult<TransferRow>> {
  const errors: StockUserError<TransferErrorCode>[] = [];
  const fromKnown = await warehouseExists(tx, input.fromWarehouseId);
  const toKnown = await warehouseExists(tx, input.toWarehouseId);
  if (!fromKnown) errors.push(userError('UNKNOWN_WAREHOUSE', `No warehouse ${input.fromWarehouseId}.`, ['input', 'fromWarehouseId']));
  if (!toKnown) errors.push(userError('UNKNOWN_WAREHOUSE', `No warehouse ${input.toWarehouseId}.`, ['input', 'toWarehouseId']));
  if (fromKnown && toKnown && input.fromWarehouseId === input.toWarehouseId) {
    errors.push(userError('SAME_WAREHOUSE', 'Source and destination must be different warehouses.', ['input', 'toWarehouseId']));
  }
  if (!input.lines.length) errors.push(userError('INVALID', 'A transfer needs at least one line.', ['input', 'lines']));
  const seen = new Set<string>();
  input.lines.forEach((line, index) => {
    const at = (field: string) => ['input', 'lines', String(index), field];
    if (!isId(line.variantId)) errors.push(userError('UNKNOWN_VARIANT', `No variant ${line.variantId}.`, at('variantId')));
    else if (seen.has(line.variantId)) errors.push(userError('INVALID', 'This variant is already on an earlier line.', at('variantId')));
    seen.add(line.variantId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      errors.push(userError('INVALID_QUANTITY', `Quantity must be a whole number from 1 to ${MAX_QUANTITY}.`, at('quantity')));
    }
  });
  if (errors.length) return failWith(errors);

  // Numbers TR-000001, TR-000002, …: a transaction lock makes concurrent drafts take turns, so none share one.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('stock.transfer.number'))`);
  const [row] = await tx
    .insert(transfer)
    .values({
      number: sql`(select 'TR-' || lpad((coalesce(max(substring(number from 4)::bigint), 0) + 1)::text, 6, '0')
                   from stock.transfer where number ~ '^TR-[0-9]+$')`,
      fromWarehouseId: input.fromWarehouseId,
      toWarehouseId: input.toWarehouseId,
    })
    .returning();
  await tx.insert(transferLine).values(input.lines.map((line) => ({ transferId: row!.id, variantId: line.variantId, quantity: line.quantity })));
  return ok(row!);
}

/**
 * Ships (TRANSFER_OUT at the source) or receives (TRANSFER_IN at the destination)
 * a transfer, in the caller's transaction. The transfer row is locked first, so a
 * second ship or receive of the same transfer waits, then finds the new status and
 * is refused: stock moves once. Nothing is written when the source lacks the units.
 */
export async function transferTransition(
  tx: Db,
  action: TransferAction,
  id: string,
  actorId: string | null,
): Promise<TransferResult<TransferRow>> {
  const notFound = () => failWith([userError('NOT_FOUND', `No transfer ${id}.`, ['input', 'id'])]);
  if (!isId(id)) return notFound();
  const [current] = await tx.select().from(transfer).where(eq(transfer.id, id)).for('update');
  if (!current) return notFound();
  const { from, to } = TRANSITIONS[action];
  if (current.status !== from) {
    return failWith([
      userError('INVALID_STATE', `Transfer ${current.number} is ${current.status}; only a ${from} transfer can be ${action === 'ship' ? 'shipped' : 'received'}.`, ['input', 'id']),
    ]);
  }
  const lines = await linesByTransferIds(tx, [current.id]);
  const outbound = action === 'ship';
  const moved = await applyMovements(
    tx,
    lines.map((line) => ({
      variantId: line.variantId,
      warehouseId: outbound ? current.fromWarehouseId : current.toWarehouseId,
      kind: outbound ? ('TRANSFER_OUT' as const) : ('TRANSFER_IN' as const),
      onHandDelta: outbound ? -line.quantity : line.quantity,
      reservedDelta: 0,
      reference: current.number,
      actorId,
    })),
  );
  if (!moved.ok) return failWith(moved.errors.map((e) => ({ ...e, field: ['input', 'id'] })));
  const [updated] = await tx
    .update(transfer)
    .set({ status: to, updatedAt: new Date() })
    .where(eq(transfer.id, current.id))
    .returning();
  return ok(updated!);
}

/** Transfers, newest first: one keyset query and a lazy count. */
export async function listTransfers(db: Db, args: ConnectionArgs) {
  return connectionOf(args, {
    sort: transfer.createdAt,
    id: transfer.id,
    descending: true,
    rows: (page) => db.select().from(transfer).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: count() }).from(transfer))[0]!.n,
  });
}

export function transfersByIds(db: Db, ids: readonly string[]) {
  return db.select().from(transfer).where(anyId(transfer.id, ids));
}

/** The lines of many transfers in one query, in a stable order (the table keeps no line position). */
export function linesByTransferIds(db: Db, ids: readonly string[]): Promise<TransferLineRow[]> {
  return db
    .select()
    .from(transferLine)
    .where(anyId(transferLine.transferId, ids))
    .orderBy(asc(transferLine.transferId), asc(transferLine.variantId));
}
