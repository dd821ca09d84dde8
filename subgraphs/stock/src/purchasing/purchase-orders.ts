// Purchasing: purchase orders, their state changes, receiving and reads.
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  anyId,
  connectionOf,
  failWith,
  isId,
  ok,
  parseDecimal,
  userError,
  type ConnectionArgs,
  type Db,
} from '@shop/kit';
import { applyMovements } from '../ledger/index.js';
import { LOT_CODE_RULE, normaliseLotCode } from './lots.js';
import {
  purchaseOrder,
  purchaseOrderLine,
  purchaseOrderReceipt,
  supplier,
  supplierProduct,
  type PurchaseOrderLineRow,
  type PurchaseOrderRow,
  type PurchaseOrderStatus,
  type SupplierRow,
} from './tables.js';
import type { PurchasingError, PurchasingResult } from './suppliers.js';
import { warehouse } from '../tables.js';

/**
 * The state machine: which statuses each action may start from. Receiving moves
 * ORDERED/PARTIALLY_RECEIVED on by itself; closing a PARTIALLY_RECEIVED order
 * accepts a short delivery (the rest is no longer on order).
 */
export const ALLOWED_FROM = {
  order: ['DRAFT'],
  receive: ['ORDERED', 'PARTIALLY_RECEIVED'],
  close: ['RECEIVED', 'PARTIALLY_RECEIVED'],
  cancel: ['DRAFT', 'ORDERED'],
} as const satisfies Record<string, readonly PurchaseOrderStatus[]>;
type Action = keyof typeof ALLOWED_FROM;

/** Statuses whose unreceived quantities count as on order (drafts too, so a second draft is not suggested). */
export const OPEN_STATUSES: readonly PurchaseOrderStatus[] = ['DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED'];

// Large enough for any real order, small enough that quantity × cost stays far inside bigint and int4.
const MAX_QUANTITY = 1_000_000;

const isQuantity = (value: number) => Number.isInteger(value) && value > 0 && value <= MAX_QUANTITY;

export interface LineInput {
  variantId: string;
  quantity: number;
  /** In the supplier's currency; when absent, the supplier's cost for the variant. */
  unitCost?: string | null;
}

/** Drafts a PO; every line error is reported at once, with its index. */
export async function purchaseOrderCreate(
  tx: Db,
  input: { supplierId: string; warehouseId: string; lines: LineInput[] },
): Promise<PurchasingResult<PurchaseOrderRow>> {
  const errors: PurchasingError[] = [];
  const [owner] = isId(input.supplierId) ? await tx.select().from(supplier).where(eq(supplier.id, input.supplierId)) : [];
  if (!owner) errors.push(userError('NOT_FOUND', 'No supplier has this id.', ['input', 'supplierId']));
  if (!(await warehouseExists(tx, input.warehouseId))) {
    errors.push(userError('UNKNOWN_WAREHOUSE', 'No warehouse has this id.', ['input', 'warehouseId']));
  }
  if (!input.lines.length) errors.push(userError('INVALID', 'A purchase order needs at least one line.', ['input', 'lines']));
  if (!owner) return failWith(errors);

  const costs = await supplierCosts(tx, owner.id, input.lines.map((line) => line.variantId));
  const seen = new Set<string>();
  const lines = input.lines.map((line, index) => {
    const at = (field: string) => ['input', 'lines', String(index), field];
    if (!isId(line.variantId)) errors.push(userError('UNKNOWN_VARIANT', 'No variant has this id.', at('variantId')));
    else if (seen.has(line.variantId)) errors.push(userError('INVALID', 'This variant is already on an earlier line.', at('variantId')));
    seen.add(line.variantId);
    if (!isQuantity(line.quantity)) {
      errors.push(userError('INVALID_QUANTITY', `Quantity must be a whole number from 1 to ${MAX_QUANTITY}.`, at('quantity')));
    }
    const unitCostMinor = unitCostOf(line, owner, costs.get(line.variantId));
    if (unitCostMinor === null) {
      errors.push(
        userError(
          'INVALID',
          line.unitCost == null
            ? 'The supplier has no cost for this variant; give a unit cost.'
            : `"${line.unitCost}" is not a cost in ${owner.currencyCode}.`,
          at('unitCost'),
        ),
      );
    }
    return { variantId: line.variantId, quantityOrdered: line.quantity, unitCostMinor: unitCostMinor ?? 0n };
  });
  if (errors.length) return failWith(errors);
  return ok(await insertDraft(tx, owner, input.warehouseId, lines));
}

/** Inserts a DRAFT with its lines; callers have validated everything. */
export async function insertDraft(
  tx: Db,
  owner: SupplierRow,
  warehouseId: string,
  lines: { variantId: string; quantityOrdered: number; unitCostMinor: bigint }[],
): Promise<PurchaseOrderRow> {
  const [row] = await tx
    .insert(purchaseOrder)
    .values({
      // The sequence is purchaseOrderNumberSeq (purchasing-tables.ts).
      number: sql`'PO-' || lpad(nextval('stock.purchase_order_number_seq')::text, 6, '0')`,
      supplierId: owner.id,
      warehouseId,
      currencyCode: owner.currencyCode,
    })
    .returning();
  await tx.insert(purchaseOrderLine).values(lines.map((line) => ({ ...line, purchaseOrderId: row!.id })));
  return row!;
}

function unitCostOf(line: LineInput, owner: SupplierRow, supplierCost: bigint | undefined): bigint | null {
  if (line.unitCost == null) return supplierCost ?? null;
  const minor = parseDecimal(line.unitCost, owner.currencyCode);
  return minor === null || minor < 0n ? null : minor;
}

export async function supplierCosts(tx: Db, supplierId: string, variantIds: readonly string[]) {
  const rows = await tx
    .select({ variantId: supplierProduct.variantId, costMinor: supplierProduct.costMinor })
    .from(supplierProduct)
    .where(and(eq(supplierProduct.supplierId, supplierId), anyId(supplierProduct.variantId, variantIds)));
  return new Map(rows.map((row) => [row.variantId, row.costMinor]));
}

export async function warehouseExists(tx: Db, id: string): Promise<boolean> {
  if (!isId(id)) return false;
  const [row] = await tx.select({ id: warehouse.id }).from(warehouse).where(eq(warehouse.id, id));
  return row !== undefined;
}

/**
 * The PO, row-locked for the rest of the transaction: every status change and
 * receipt takes this lock first, so two receipts of one PO run one after the other.
 */
async function lockOrder(tx: Db, id: string): Promise<PurchasingResult<PurchaseOrderRow>> {
  const [row] = isId(id) ? await tx.select().from(purchaseOrder).where(eq(purchaseOrder.id, id)).for('update') : [];
  return row ? ok(row) : failWith([userError('NOT_FOUND', 'No purchase order has this id.', ['input', 'id'])]);
}

function refuseUnlessFrom(order: PurchaseOrderRow, action: Action): PurchasingError[] {
  const allowed: readonly PurchaseOrderStatus[] = ALLOWED_FROM[action];
  return allowed.includes(order.status)
    ? []
    : [
        userError(
          'INVALID_STATE',
          `${order.number} is ${order.status}; it can be ${ACTION_PAST[action]} only when ${allowed.join(' or ')}.`,
          ['input', 'id'],
        ),
      ];
}

const ACTION_PAST: Record<Action, string> = { order: 'ordered', receive: 'received', close: 'closed', cancel: 'cancelled' };
const NEXT_STATUS = { order: 'ORDERED', close: 'CLOSED', cancel: 'CANCELLED' } as const;

async function setStatus(tx: Db, id: string, status: PurchaseOrderStatus): Promise<PurchaseOrderRow> {
  const [row] = await tx
    .update(purchaseOrder)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(purchaseOrder.id, id))
    .returning();
  return row!;
}

/** order, close or cancel: a plain transition of the state machine. */
export async function purchaseOrderTransition(
  tx: Db,
  action: Exclude<Action, 'receive'>,
  input: { id: string },
): Promise<PurchasingResult<PurchaseOrderRow>> {
  const locked = await lockOrder(tx, input.id);
  if (!locked.ok) return locked;
  const refused = refuseUnlessFrom(locked.value, action);
  if (refused.length) return failWith(refused);
  return ok(await setStatus(tx, locked.value.id, NEXT_STATUS[action]));
}

/**
 * Receives some units of some lines and adds them to stock through the ledger,
 * in the caller's transaction. Nothing is written when any line is refused.
 */
export async function purchaseOrderReceive(
  tx: Db,
  actorId: string | null,
  input: { id: string; lines: { lineId: string; quantity: number; lotCode?: string | null }[] },
): Promise<PurchasingResult<PurchaseOrderRow>> {
  const locked = await lockOrder(tx, input.id);
  if (!locked.ok) return locked;
  const order = locked.value;
  const refused = refuseUnlessFrom(order, 'receive');
  if (refused.length) return failWith(refused);
  if (!input.lines.length) return failWith([userError('INVALID', 'Receive at least one line.', ['input', 'lines'])]);

  const lines = new Map((await linesOf(tx, order.id)).map((line) => [line.id, line]));
  const errors: PurchasingError[] = [];
  const receipts = new Map<string, number>();
  const lots = new Map<string, string | null>();
  for (const [index, entry] of input.lines.entries()) {
    const at = (field: string) => ['input', 'lines', String(index), field];
    const line = lines.get(entry.lineId);
    if (!line) {
      errors.push(userError('NOT_FOUND', `No line of ${order.number} has this id.`, at('lineId')));
      continue;
    }
    if (receipts.has(line.id)) {
      errors.push(userError('INVALID', 'This line is already on an earlier entry.', at('lineId')));
      continue;
    }
    if (!Number.isInteger(entry.quantity) || entry.quantity <= 0) {
      errors.push(userError('INVALID_QUANTITY', 'Quantity must be a whole number above 0.', at('quantity')));
      continue;
    }
    const outstanding = line.quantityOrdered - line.quantityReceived;
    if (entry.quantity > outstanding) {
      errors.push(
        userError(
          'RECEIVING_MORE_THAN_ORDERED',
          `Only ${outstanding} of ${line.quantityOrdered} remain to be received on this line.`,
          at('quantity'),
        ),
      );
      continue;
    }
    const lotCode = normaliseLotCode(entry.lotCode);
    if (lotCode === undefined) {
      errors.push(userError('INVALID', LOT_CODE_RULE, at('lotCode')));
      continue;
    }
    receipts.set(line.id, entry.quantity);
    lots.set(line.id, lotCode);
  }
  if (errors.length) return failWith(errors);

  for (const [lineId, quantity] of receipts) {
    await tx
      .update(purchaseOrderLine)
      .set({ quantityReceived: sql`${purchaseOrderLine.quantityReceived} + ${quantity}`, updatedAt: sql`now()` })
      .where(eq(purchaseOrderLine.id, lineId));
  }
  await tx.insert(purchaseOrderReceipt).values(
    [...receipts].map(([lineId, quantity]) => ({
      purchaseOrderLineId: lineId,
      variantId: lines.get(lineId)!.variantId,
      warehouseId: order.warehouseId,
      quantity,
      lotCode: lots.get(lineId) ?? null,
    })),
  );
  const moved = await applyMovements(
    tx,
    [...receipts].map(([lineId, quantity]) => ({
      variantId: lines.get(lineId)!.variantId,
      warehouseId: order.warehouseId,
      kind: 'RECEIPT' as const,
      onHandDelta: quantity,
      reservedDelta: 0,
      reference: order.number,
      actorId,
    })),
  );
  if (!moved.ok) return failWith(moved.errors.map((e) => ({ ...e, field: ['input', 'id'] })));

  const complete = [...lines.values()].every(
    (line) => line.quantityReceived + (receipts.get(line.id) ?? 0) === line.quantityOrdered,
  );
  return ok(await setStatus(tx, order.id, complete ? 'RECEIVED' : 'PARTIALLY_RECEIVED'));
}

/** Deliveries of many purchase order lines, oldest first, for the loader. */
export function receiptsByLineIds(db: Db, lineIds: readonly string[]) {
  return db
    .select()
    .from(purchaseOrderReceipt)
    .where(anyId(purchaseOrderReceipt.purchaseOrderLineId, lineIds))
    .orderBy(asc(purchaseOrderReceipt.createdAt), asc(purchaseOrderReceipt.id));
}

function linesOf(tx: Db, purchaseOrderId: string) {
  return tx
    .select()
    .from(purchaseOrderLine)
    .where(eq(purchaseOrderLine.purchaseOrderId, purchaseOrderId))
    .orderBy(asc(purchaseOrderLine.createdAt), asc(purchaseOrderLine.id));
}

/** POs newest first, optionally of some statuses, one keyset page. */
export async function listPurchaseOrders(db: Db, args: ConnectionArgs & { status?: PurchaseOrderStatus[] | null }) {
  const filter = args.status?.length
    ? sql`${purchaseOrder.status}::text = any(${sql.param(args.status)}::text[])`
    : undefined;
  return connectionOf(args, {
    sort: purchaseOrder.createdAt,
    id: purchaseOrder.id,
    descending: true,
    filter,
    rows: (page) => db.select().from(purchaseOrder).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: sql<number>`count(*)::int` }).from(purchaseOrder).where(filter))[0]!.n,
  });
}

export function purchaseOrdersByIds(db: Db, ids: readonly string[]) {
  return db.select().from(purchaseOrder).where(anyId(purchaseOrder.id, ids));
}

/** A purchase order line with its order's currency, which the line row does not carry. */
export type PurchaseOrderLineInCurrency = PurchaseOrderLineRow & { currencyCode: string };

export function linesByPurchaseOrderIds(db: Db, ids: readonly string[]): Promise<PurchaseOrderLineRow[]> {
  return db
    .select()
    .from(purchaseOrderLine)
    .where(anyId(purchaseOrderLine.purchaseOrderId, ids))
    .orderBy(asc(purchaseOrderLine.createdAt), asc(purchaseOrderLine.id));
}

/** Σ quantity × unit cost, in minor units: bigint all the way, never a float. */
export function totalMinor(lines: readonly PurchaseOrderLineRow[]): bigint {
  return lines.reduce((sum, line) => sum + BigInt(line.quantityOrdered) * line.unitCostMinor, 0n);
}
