// The address book: a member's saved addresses, one default, written by the member or by staff.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { anyId, isId, ok, type ChangeRecord, type Db } from '@shop/kit';
import { memberError, memberFail, type MemberError, type MemberResult } from '../errors/index.js';
import { normalisePhone } from '../pii/index.js';
import { queueSegmentsRefresh } from '../segments/queue.js';
import { lockMember } from '../service.js';
import { customerAddress, type CustomerAddressRow } from './tables.js';

/** The most addresses one member keeps; a bound keeps one book from growing without end. */
export const MAX_ADDRESSES = 20;
const MAX_LINE = 200;

export interface AddressFields {
  name: string;
  phone?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  country: string;
  isDefault?: boolean | null;
}

type AddressValues = Omit<typeof customerAddress.$inferInsert, 'id' | 'memberId' | 'createdAt' | 'updatedAt'>;

function addressValues(input: AddressFields, at: string[]): MemberResult<AddressValues> {
  const errors: MemberError[] = [];
  const text = (key: 'name' | 'line1' | 'city', value: string) => {
    const clean = value.trim();
    if (!clean || [...clean].length > MAX_LINE) errors.push(memberError('INVALID_TEXT', [...at, key], { max: MAX_LINE }));
    return clean;
  };
  const optional = (value: string | null | undefined) => value?.trim().slice(0, MAX_LINE) || null;
  const phone = optional(input.phone);
  if (phone && !normalisePhone(phone)) errors.push(memberError('INVALID_PHONE', [...at, 'phone']));
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) errors.push(memberError('INVALID:countryCode', [...at, 'country']));
  const values: AddressValues = {
    name: text('name', input.name),
    phone,
    line1: text('line1', input.line1),
    line2: optional(input.line2),
    city: text('city', input.city),
    region: optional(input.region),
    postalCode: optional(input.postalCode),
    country,
  };
  return errors.length ? { ok: false, errors } : ok(values);
}

async function writableBook(tx: Db, memberId: string, field: string[]): Promise<MemberResult<string>> {
  const owner = await lockMember(tx, memberId);
  if (!owner) return memberFail('MEMBER_NOT_FOUND', field);
  if (owner.mergedIntoId) return memberFail('MEMBER_MERGED', field);
  return ok(owner.id);
}

async function makeDefault(tx: Db, memberId: string, addressId: string): Promise<void> {
  await tx.update(customerAddress).set({ isDefault: false }).where(and(eq(customerAddress.memberId, memberId), eq(customerAddress.isDefault, true)));
  await tx.update(customerAddress).set({ isDefault: true, updatedAt: sql`now()` }).where(eq(customerAddress.id, addressId));
}

/**
 * Adds an address to a member's book; the first address, or one asked to be,
 * becomes the default. The member row is locked, so concurrent adds keep one
 * default and the bound. `tx` is the mutation's transaction.
 */
export async function addAddress(tx: Db, memberId: string, input: AddressFields, changes: ChangeRecord[]): Promise<MemberResult<CustomerAddressRow>> {
  const book = await writableBook(tx, memberId, ['input', 'memberId']);
  if (!book.ok) return book;
  const values = addressValues(input, ['input', 'address']);
  if (!values.ok) return values;
  const existing = await tx.select({ id: customerAddress.id }).from(customerAddress).where(eq(customerAddress.memberId, memberId));
  if (existing.length >= MAX_ADDRESSES) return memberFail('INVALID:addressBookFull', ['input', 'address'], { max: MAX_ADDRESSES });
  const [row] = await tx.insert(customerAddress).values({ ...values.value, memberId }).returning();
  if (input.isDefault || existing.length === 0) await makeDefault(tx, memberId, row!.id);
  // The default address's country is the segments' region rule.
  await queueSegmentsRefresh(tx);
  changes.push({ entity: 'CustomerAddress', id: row!.id, before: {}, after: { memberId } });
  return ok((await addressById(tx, row!.id))!);
}

/** The address `id` of member `memberId`, or null: another member's address is as unknown as a missing one. */
async function ownAddress(tx: Db, memberId: string, id: string): Promise<CustomerAddressRow | null> {
  if (!isId(id)) return null;
  const [row] = await tx
    .select()
    .from(customerAddress)
    .where(and(eq(customerAddress.id, id), eq(customerAddress.memberId, memberId)))
    .for('update');
  return row ?? null;
}

async function addressById(tx: Db, id: string): Promise<CustomerAddressRow | null> {
  const [row] = await tx.select().from(customerAddress).where(eq(customerAddress.id, id));
  return row ?? null;
}

/** Replaces an address's fields; `isDefault: true` makes it the default. */
export async function updateAddress(
  tx: Db,
  memberId: string,
  id: string,
  input: AddressFields,
  changes: ChangeRecord[],
): Promise<MemberResult<CustomerAddressRow>> {
  const book = await writableBook(tx, memberId, ['input', 'memberId']);
  if (!book.ok) return book;
  const found = await ownAddress(tx, memberId, id);
  if (!found) return memberFail('ADDRESS_NOT_FOUND', ['input', 'id']);
  const values = addressValues(input, ['input', 'address']);
  if (!values.ok) return values;
  await tx.update(customerAddress).set({ ...values.value, updatedAt: sql`now()` }).where(eq(customerAddress.id, id));
  if (input.isDefault) await makeDefault(tx, memberId, id);
  await queueSegmentsRefresh(tx);
  changes.push({ entity: 'CustomerAddress', id, before: {}, after: { memberId } });
  return ok((await addressById(tx, id))!);
}

/** Deletes an address; when it was the default, the newest remaining one becomes the default. */
export async function deleteAddress(tx: Db, memberId: string, id: string, changes: ChangeRecord[]): Promise<MemberResult<string>> {
  const book = await writableBook(tx, memberId, ['input', 'memberId']);
  if (!book.ok) return book;
  const found = await ownAddress(tx, memberId, id);
  if (!found) return memberFail('ADDRESS_NOT_FOUND', ['input', 'id']);
  await tx.delete(customerAddress).where(eq(customerAddress.id, id));
  if (found.isDefault) {
    const [next] = await tx.select({ id: customerAddress.id }).from(customerAddress).where(eq(customerAddress.memberId, memberId))
      .orderBy(desc(customerAddress.createdAt)).limit(1);
    if (next) await makeDefault(tx, memberId, next.id);
  }
  await queueSegmentsRefresh(tx);
  changes.push({ entity: 'CustomerAddress', id, before: { memberId }, after: {} });
  return ok(id);
}

/** Makes an address the member's default. */
export async function setDefaultAddress(tx: Db, memberId: string, id: string, changes: ChangeRecord[]): Promise<MemberResult<CustomerAddressRow>> {
  const book = await writableBook(tx, memberId, ['input', 'memberId']);
  if (!book.ok) return book;
  const found = await ownAddress(tx, memberId, id);
  if (!found) return memberFail('ADDRESS_NOT_FOUND', ['input', 'id']);
  if (!found.isDefault) {
    await makeDefault(tx, memberId, id);
    await queueSegmentsRefresh(tx);
    changes.push({ entity: 'CustomerAddress', id, before: { isDefault: false }, after: { isDefault: true } });
  }
  return ok((await addressById(tx, id))!);
}

/** A saved address as another domain copies it: the fields, without the book's bookkeeping. */
export type SavedAddress = Pick<CustomerAddressRow, 'name' | 'phone' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country'>;

/**
 * The fields of member `memberId`'s saved address `addressId`, or null: another
 * member's address answers as a missing one, so an id tells a caller nothing.
 * A plain read (no lock); `db` is the caller's transaction or the pool.
 */
export async function savedAddressForCart(db: Db, memberId: string, addressId: string): Promise<SavedAddress | null> {
  if (!isId(addressId)) return null;
  const [row] = await db
    .select({
      name: customerAddress.name,
      phone: customerAddress.phone,
      line1: customerAddress.line1,
      line2: customerAddress.line2,
      city: customerAddress.city,
      region: customerAddress.region,
      postalCode: customerAddress.postalCode,
      country: customerAddress.country,
    })
    .from(customerAddress)
    .where(and(eq(customerAddress.id, addressId), eq(customerAddress.memberId, memberId)));
  return row ?? null;
}

/** Addresses of many members, default first, then oldest first; for the loader. */
export function addressesOf(tx: Db, memberIds: readonly string[]) {
  return tx
    .select()
    .from(customerAddress)
    .where(anyId(customerAddress.memberId, memberIds))
    .orderBy(desc(customerAddress.isDefault), asc(customerAddress.createdAt), asc(customerAddress.id));
}
