// Purchasing: suppliers and the products they supply.
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  anyId,
  changeOf,
  connectionOf,
  currencyExponent,
  failWith,
  isId,
  ok,
  parseDecimal,
  userError,
  type ChangeRecord,
  type ConnectionArgs,
  type Db,
  type UserError,
} from '@shop/kit';
import { supplier, supplierProduct, type SupplierProductRow, type SupplierRow } from './tables.js';

/** The StockErrorCode values purchasing, replenishment and stocktake report. */
export type PurchasingErrorCode =
  | 'INVALID'
  | 'INVALID_QUANTITY'
  | 'INVALID_STATE'
  | 'INVALID_CSV'
  | 'INSUFFICIENT_STOCK'
  | 'NOT_FOUND'
  | 'RECEIVING_MORE_THAN_ORDERED'
  | 'UNKNOWN_SKU'
  | 'UNKNOWN_VARIANT'
  | 'UNKNOWN_WAREHOUSE';

/** A StockUserError: availableQuantity only with INSUFFICIENT_STOCK. */
export type PurchasingError = UserError<PurchasingErrorCode> & { availableQuantity?: number };
export type PurchasingResult<T> = { ok: true; value: T } | { ok: false; errors: PurchasingError[] };

/** A supplier's cost of one variant with the supplier's currency, which the row does not carry. */
export type SupplierProductInCurrency = SupplierProductRow & { currencyCode: string };

export interface SupplierFields {
  name?: string | null;
  contactName?: string | null;
  email?: string | null;
  phone?: string | null;
  leadTimeDays?: number | null;
  currencyCode?: string | null;
}

const emailSchema = z.email();
const MAX_TEXT = 200;
// A year: anything longer is a typo, and it would make every suggestion absurd.
const MAX_LEAD_TIME_DAYS = 365;

function isSupportedCurrency(code: string): boolean {
  try {
    currencyExponent(code);
    return true;
  } catch {
    return false;
  }
}

/** INVALID for each field that is present and wrong; `creating` also requires the mandatory ones. */
function checkSupplier(input: SupplierFields, creating: boolean): PurchasingError[] {
  const errors: PurchasingError[] = [];
  const invalid = (field: string, message: string) => errors.push(userError('INVALID', message, ['input', field]));
  if (input.name != null || creating) {
    const length = [...(input.name ?? '').trim()].length;
    if (length === 0 || length > MAX_TEXT) invalid('name', `name must be 1 to ${MAX_TEXT} characters.`);
  }
  for (const field of ['contactName', 'phone'] as const) {
    const value = input[field];
    if (value != null && [...value].length > MAX_TEXT) invalid(field, `${field} must be at most ${MAX_TEXT} characters.`);
  }
  if (input.email != null && input.email !== '' && !emailSchema.safeParse(input.email.trim()).success) {
    invalid('email', `"${input.email}" is not an email address.`);
  }
  if (input.leadTimeDays != null || creating) {
    const days = input.leadTimeDays;
    if (days == null || !Number.isInteger(days) || days < 0 || days > MAX_LEAD_TIME_DAYS) {
      invalid('leadTimeDays', `leadTimeDays must be a whole number from 0 to ${MAX_LEAD_TIME_DAYS}.`);
    }
  }
  if (input.currencyCode != null || creating) {
    if (!isSupportedCurrency(input.currencyCode ?? '')) {
      invalid('currencyCode', `"${input.currencyCode ?? ''}" is not a supported currency.`);
    }
  }
  return errors;
}

/** Empty optional text is stored as null, so "no phone" has one representation. */
const optionalText = (value: string | null | undefined) => (value == null ? value : value.trim() || null);

function columnsOf(input: SupplierFields) {
  return {
    name: input.name?.trim(),
    contactName: optionalText(input.contactName),
    email: optionalText(input.email)?.toLowerCase(),
    phone: optionalText(input.phone),
    leadTimeDays: input.leadTimeDays ?? undefined,
    currencyCode: input.currencyCode ?? undefined,
  };
}

export async function supplierCreate(tx: Db, input: SupplierFields): Promise<PurchasingResult<SupplierRow>> {
  const errors = checkSupplier(input, true);
  if (errors.length) return failWith(errors);
  const columns = columnsOf(input);
  const [row] = await tx
    .insert(supplier)
    .values({ ...columns, name: columns.name!, leadTimeDays: columns.leadTimeDays!, currencyCode: columns.currencyCode! })
    .returning();
  return ok(row!);
}

export async function supplierUpdate(
  tx: Db,
  input: SupplierFields & { id: string },
  changes: ChangeRecord[],
): Promise<PurchasingResult<SupplierRow>> {
  const before = isId(input.id) ? await supplierForUpdate(tx, input.id) : null;
  if (!before) return failWith([userError('NOT_FOUND', 'No supplier has this id.', ['input', 'id'])]);
  const errors = checkSupplier(input, false);
  if (input.currencyCode != null && input.currencyCode !== before.currencyCode && (await hasProducts(tx, before.id))) {
    // Costs are stored in minor units of the old currency; switching would silently reprice them.
    errors.push(
      userError('INVALID', 'Remove the supplier’s products before changing its currency.', ['input', 'currencyCode']),
    );
  }
  if (errors.length) return failWith(errors);
  const [row] = await tx
    .update(supplier)
    .set({ ...columnsOf(input), updatedAt: sql`now()` })
    .where(eq(supplier.id, before.id))
    .returning();
  const change = changeOf('Supplier', row!.id, before, row!);
  if (change) changes.push(change);
  return ok(row!);
}

/** Sets (or replaces) the cost at which a supplier sells a variant. */
export async function supplierProductSet(
  tx: Db,
  input: { supplierId: string; variantId: string; cost: string },
): Promise<PurchasingResult<SupplierProductInCurrency>> {
  const owner = isId(input.supplierId) ? await supplierForUpdate(tx, input.supplierId) : null;
  if (!owner) return failWith([userError('NOT_FOUND', 'No supplier has this id.', ['input', 'supplierId'])]);
  const errors: PurchasingError[] = [];
  if (!isId(input.variantId)) errors.push(userError('UNKNOWN_VARIANT', 'No variant has this id.', ['input', 'variantId']));
  const costMinor = parseDecimal(input.cost, owner.currencyCode);
  if (costMinor === null || costMinor < 0n) {
    errors.push(
      userError('INVALID', `"${input.cost}" is not a cost in ${owner.currencyCode}.`, ['input', 'cost']),
    );
  }
  if (errors.length) return failWith(errors);
  const [row] = await tx
    .insert(supplierProduct)
    .values({ supplierId: owner.id, variantId: input.variantId, costMinor: costMinor! })
    .onConflictDoUpdate({
      target: [supplierProduct.supplierId, supplierProduct.variantId],
      set: { costMinor: costMinor!, updatedAt: sql`now()` },
    })
    .returning();
  return ok({ ...row!, currencyCode: owner.currencyCode });
}

async function supplierForUpdate(tx: Db, id: string): Promise<SupplierRow | null> {
  const [row] = await tx.select().from(supplier).where(eq(supplier.id, id)).for('update');
  return row ?? null;
}

async function hasProducts(tx: Db, supplierId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: supplierProduct.id })
    .from(supplierProduct)
    .where(eq(supplierProduct.supplierId, supplierId))
    .limit(1);
  return row !== undefined;
}

/** Suppliers by name (then id), one keyset page. */
export async function listSuppliers(db: Db, args: ConnectionArgs) {
  return connectionOf(args, {
    sort: supplier.name,
    id: supplier.id,
    descending: false,
    rows: (page) => db.select().from(supplier).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.name, id: row.id }),
    count: async () => (await db.select({ n: sql<number>`count(*)::int` }).from(supplier))[0]!.n,
  });
}

export function suppliersByIds(db: Db, ids: readonly string[]) {
  return db.select().from(supplier).where(anyId(supplier.id, ids));
}

export function supplierProductsBySupplierIds(db: Db, ids: readonly string[]) {
  return db
    .select()
    .from(supplierProduct)
    .where(anyId(supplierProduct.supplierId, ids))
    .orderBy(asc(supplierProduct.createdAt), asc(supplierProduct.id));
}
