// Flash-sale sessions and their items: create, change, archive, set and remove items, and the reads.
import { and, asc, eq, gt, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { anyId, changeOf, connectionOf, isId, ok, parseDecimal, type ChangeRecord, type ConnectionArgs, type Db } from '@shop/kit';
import { variantsForCheckout } from '@shop/products/commands';
import { flashSaleError, flashSaleFail, type FlashSaleError, type FlashSaleResult } from '../errors/index.js';
import { bucketCountFor, fillBuckets, remainingOf } from './quota.js';
import { flashSale, flashSaleBucket, flashSaleItem, type FlashSaleItemRow, type FlashSaleRow } from './tables.js';

export const FLASH_SALE_LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
export const FLASH_SALE_CHANNELS = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'] as const;
/** An unpaid flash order is cancelled after this by default: its quota goes back to other buyers soon. */
export const DEFAULT_PAYMENT_TIMEOUT_MINUTES = 10;
const MAX_PAYMENT_TIMEOUT_MINUTES = 1440;
const MAX_TITLE = 200;
export const MAX_QUOTA = 1_000_000;
export const MAX_PER_MEMBER_LIMIT = 1000;

export type FlashSaleStatus = 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'ARCHIVED';

/** Where a session stands at `now`: archiving wins; the window is [startsAt, endsAt). */
export function flashSaleStatus(row: Pick<FlashSaleRow, 'startsAt' | 'endsAt' | 'archivedAt'>, now: Date): FlashSaleStatus {
  if (row.archivedAt) return 'ARCHIVED';
  if (now < row.startsAt) return 'SCHEDULED';
  if (now >= row.endsAt) return 'ENDED';
  return 'ACTIVE';
}

/** The title in `locale`, else English. */
export function titleIn(titles: Record<string, string>, locale: string): string {
  return titles[locale] ?? titles.en ?? Object.values(titles)[0] ?? '';
}

const titlesSchema = z
  .array(z.object({ locale: z.enum(FLASH_SALE_LOCALES), text: z.string().trim().min(1).max(MAX_TITLE) }))
  .min(1)
  .refine((list) => new Set(list.map((t) => t.locale)).size === list.length && list.some((t) => t.locale === 'en'));
const channelsSchema = z.array(z.enum(FLASH_SALE_CHANNELS)).max(FLASH_SALE_CHANNELS.length);
const timeoutSchema = z.number().int().min(1).max(MAX_PAYMENT_TIMEOUT_MINUTES);

export interface FlashSaleInput {
  titles?: readonly { locale: string; text: string }[] | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  channels?: readonly string[] | null;
  paymentTimeoutMinutes?: number | null;
}

type FlashSaleValues = Partial<Pick<FlashSaleRow, 'titles' | 'startsAt' | 'endsAt' | 'channels' | 'paymentTimeoutMinutes'>>;

/** Checks the fields given (against the row's current window for a partial change), collecting every mistake. */
function flashSaleValues(input: FlashSaleInput, current?: FlashSaleRow): FlashSaleResult<FlashSaleValues> {
  const errors: FlashSaleError[] = [];
  const values: FlashSaleValues = {};
  if (input.titles != null) {
    const titles = titlesSchema.safeParse(input.titles);
    if (titles.success) values.titles = Object.fromEntries(titles.data.map((t) => [t.locale, t.text]));
    else errors.push(flashSaleError('INVALID_TITLE', ['input', 'titles'], { max: MAX_TITLE }));
  }
  if (input.startsAt != null) values.startsAt = input.startsAt;
  if (input.endsAt != null) values.endsAt = input.endsAt;
  const startsAt = values.startsAt ?? current?.startsAt;
  const endsAt = values.endsAt ?? current?.endsAt;
  if (startsAt && endsAt && endsAt <= startsAt) errors.push(flashSaleError('INVALID_WINDOW', ['input', 'endsAt']));
  if (input.channels != null) {
    const channels = channelsSchema.safeParse(input.channels);
    if (channels.success) values.channels = [...new Set(channels.data)];
    else errors.push(flashSaleError('INVALID_CHANNEL', ['input', 'channels']));
  }
  if (input.paymentTimeoutMinutes != null) {
    const timeout = timeoutSchema.safeParse(input.paymentTimeoutMinutes);
    if (timeout.success) values.paymentTimeoutMinutes = timeout.data;
    else errors.push(flashSaleError('INVALID_TIMEOUT', ['input', 'paymentTimeoutMinutes'], { max: MAX_PAYMENT_TIMEOUT_MINUTES }));
  }
  return errors.length ? { ok: false, errors } : ok(values);
}

const audited = (row: FlashSaleRow) => ({
  titles: row.titles,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  channels: row.channels,
  paymentTimeoutMinutes: row.paymentTimeoutMinutes,
  archived: !!row.archivedAt,
});

/** Creates a session (no items yet). `tx` is the mutation's. */
export async function createFlashSale(
  tx: Db,
  input: FlashSaleInput & { titles: FlashSaleInput['titles']; startsAt: Date; endsAt: Date },
  changes: ChangeRecord[],
): Promise<FlashSaleResult<FlashSaleRow>> {
  const values = flashSaleValues(input);
  if (!values.ok) return values;
  const [row] = await tx
    .insert(flashSale)
    .values({
      titles: values.value.titles!,
      startsAt: values.value.startsAt!,
      endsAt: values.value.endsAt!,
      channels: values.value.channels ?? [],
      paymentTimeoutMinutes: values.value.paymentTimeoutMinutes ?? DEFAULT_PAYMENT_TIMEOUT_MINUTES,
    })
    .returning();
  changes.push({ entity: 'FlashSale', id: row!.id, before: {}, after: audited(row!) });
  return ok(row!);
}

/** The session locked for a write: it exists and is not archived. */
async function writableFlashSale(tx: Db, id: string, field: string[]): Promise<FlashSaleResult<FlashSaleRow>> {
  if (!isId(id)) return flashSaleFail('FLASH_SALE_NOT_FOUND', field);
  const [row] = await tx.select().from(flashSale).where(eq(flashSale.id, id)).for('update');
  if (!row) return flashSaleFail('FLASH_SALE_NOT_FOUND', field);
  if (row.archivedAt) return flashSaleFail('FLASH_SALE_ARCHIVED', field);
  return ok(row);
}

/** Serialises item writes of one variant across sessions, so two overlapping sessions cannot both take it. */
const lockVariant = (tx: Db, variantId: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`flash-variant:${variantId}`}, 0))`);

/** Whether any of the variants is in another live session whose window overlaps [startsAt, endsAt). */
async function overlapping(tx: Db, exceptSaleId: string, variantIds: readonly string[], startsAt: Date, endsAt: Date): Promise<boolean> {
  if (!variantIds.length) return false;
  const [row] = await tx
    .select({ id: flashSaleItem.id })
    .from(flashSaleItem)
    .innerJoin(flashSale, eq(flashSale.id, flashSaleItem.flashSaleId))
    .where(
      and(
        anyId(flashSaleItem.variantId, variantIds),
        isNull(flashSaleItem.removedAt),
        isNull(flashSale.archivedAt),
        sql`${flashSale.id} <> ${exceptSaleId}`,
        lt(flashSale.startsAt, endsAt),
        gt(flashSale.endsAt, startsAt),
      ),
    )
    .limit(1);
  return !!row;
}

/** Changes the fields given. A new window must not make one of its variants overlap another session. */
export async function updateFlashSale(tx: Db, id: string, input: FlashSaleInput, changes: ChangeRecord[]): Promise<FlashSaleResult<FlashSaleRow>> {
  const found = await writableFlashSale(tx, id, ['input', 'id']);
  if (!found.ok) return found;
  const values = flashSaleValues(input, found.value);
  if (!values.ok) return values;
  if (values.value.startsAt || values.value.endsAt) {
    const items = await itemsOf(tx, [id]);
    const variantIds = items.map((i) => i.variantId).sort();
    for (const variantId of variantIds) await lockVariant(tx, variantId);
    const startsAt = values.value.startsAt ?? found.value.startsAt;
    const endsAt = values.value.endsAt ?? found.value.endsAt;
    if (await overlapping(tx, id, variantIds, startsAt, endsAt)) return flashSaleFail('VARIANT_IN_OVERLAPPING_SALE', ['input', 'startsAt']);
  }
  const [row] = await tx.update(flashSale).set({ ...values.value, updatedAt: new Date() }).where(eq(flashSale.id, id)).returning();
  const change = changeOf('FlashSale', id, audited(found.value), audited(row!));
  if (change) changes.push(change);
  return ok(row!);
}

/** Archives a session: its prices stop at once; orders that took quota still give it back when released. */
export async function archiveFlashSale(tx: Db, id: string, changes: ChangeRecord[]): Promise<FlashSaleResult<FlashSaleRow>> {
  const found = await writableFlashSale(tx, id, ['input', 'id']);
  if (!found.ok) return found;
  const [row] = await tx.update(flashSale).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(flashSale.id, id)).returning();
  changes.push({ entity: 'FlashSale', id, before: { archived: false }, after: { archived: true } });
  return ok(row!);
}

export interface FlashSaleItemInput {
  flashSaleId: string;
  variantId: string;
  /** Decimal in the variant's currency. */
  flashPrice: string;
  quota: number;
  perMemberLimit?: number | null;
}

const itemAudited = (row: FlashSaleItemRow) => ({
  variantId: row.variantId,
  flashPriceMinor: row.flashPriceMinor.toString(),
  quota: row.quota,
  perMemberLimit: row.perMemberLimit,
  removed: !!row.removedAt,
});

/**
 * Puts a variant in a session, or changes its price, quota or limit. The
 * quota is the total units at the flash price: lowering it below what is
 * already sold is INVALID_QUOTA; the buckets are refilled with what is left.
 * The flash price must be below the variant's price, in its currency.
 */
export async function setFlashSaleItem(tx: Db, input: FlashSaleItemInput, changes: ChangeRecord[]): Promise<FlashSaleResult<FlashSaleItemRow>> {
  const sale = await writableFlashSale(tx, input.flashSaleId, ['input', 'flashSaleId']);
  if (!sale.ok) return sale;
  if (!isId(input.variantId)) return flashSaleFail('VARIANT_NOT_FOUND', ['input', 'variantId']);
  const variant = (await variantsForCheckout(tx, [input.variantId])).get(input.variantId.toLowerCase());
  if (!variant) return flashSaleFail('VARIANT_NOT_FOUND', ['input', 'variantId']);
  const errors: FlashSaleError[] = [];
  const price = parseDecimal(input.flashPrice, variant.currencyCode);
  if (price === null || price < 0n || price >= variant.priceMinor) errors.push(flashSaleError('INVALID_PRICE', ['input', 'flashPrice']));
  if (!Number.isInteger(input.quota) || input.quota < 1 || input.quota > MAX_QUOTA) {
    errors.push(flashSaleError('INVALID_QUOTA', ['input', 'quota'], { min: 1, max: MAX_QUOTA }));
  }
  const limit = input.perMemberLimit ?? null;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_PER_MEMBER_LIMIT)) {
    errors.push(flashSaleError('INVALID_LIMIT', ['input', 'perMemberLimit'], { max: MAX_PER_MEMBER_LIMIT }));
  }
  if (errors.length) return { ok: false, errors };
  await lockVariant(tx, variant.variantId);
  if (await overlapping(tx, sale.value.id, [variant.variantId], sale.value.startsAt, sale.value.endsAt)) {
    return flashSaleFail('VARIANT_IN_OVERLAPPING_SALE', ['input', 'variantId']);
  }
  const [existing] = await tx
    .select()
    .from(flashSaleItem)
    .where(and(eq(flashSaleItem.flashSaleId, sale.value.id), eq(flashSaleItem.variantId, variant.variantId), isNull(flashSaleItem.removedAt)))
    .for('update');
  const values = {
    flashPriceMinor: price!,
    currencyCode: variant.currencyCode,
    quota: input.quota,
    perMemberLimit: limit,
  };
  if (!existing) {
    const [row] = await tx
      .insert(flashSaleItem)
      .values({ flashSaleId: sale.value.id, variantId: variant.variantId, productId: variant.productId, bucketCount: bucketCountFor(input.quota), ...values })
      .returning();
    await fillBuckets(tx, row!.id, row!.bucketCount, input.quota);
    changes.push({ entity: 'FlashSaleItem', id: row!.id, before: {}, after: itemAudited(row!) });
    return ok(row!);
  }
  // The buckets are locked before they are summed: no buyer takes a unit between the count and the refill.
  const buckets = await tx.select().from(flashSaleBucket).where(eq(flashSaleBucket.itemId, existing.id)).for('update');
  const sold = existing.quota - buckets.reduce((sum, b) => sum + b.remaining, 0);
  if (input.quota < sold) return flashSaleFail('INVALID_QUOTA', ['input', 'quota'], { min: Math.max(1, sold), max: MAX_QUOTA });
  // Never fewer buckets than before: released takes go back to the bucket they came from.
  const bucketCount = Math.max(existing.bucketCount, bucketCountFor(input.quota));
  const [row] = await tx.update(flashSaleItem).set({ ...values, bucketCount, updatedAt: new Date() }).where(eq(flashSaleItem.id, existing.id)).returning();
  await fillBuckets(tx, existing.id, bucketCount, input.quota - sold);
  const change = changeOf('FlashSaleItem', existing.id, itemAudited(existing), itemAudited(row!));
  if (change) changes.push(change);
  return ok(row!);
}

/** Takes an item out of its session. Orders that bought it keep their price and still give back their units when released. */
export async function removeFlashSaleItem(tx: Db, itemId: string, changes: ChangeRecord[]): Promise<FlashSaleResult<FlashSaleItemRow>> {
  if (!isId(itemId)) return flashSaleFail('ITEM_NOT_FOUND', ['input', 'id']);
  const [existing] = await tx.select().from(flashSaleItem).where(and(eq(flashSaleItem.id, itemId), isNull(flashSaleItem.removedAt))).for('update');
  if (!existing) return flashSaleFail('ITEM_NOT_FOUND', ['input', 'id']);
  const sale = await writableFlashSale(tx, existing.flashSaleId, ['input', 'id']);
  if (!sale.ok) return sale;
  const [row] = await tx.update(flashSaleItem).set({ removedAt: new Date(), updatedAt: new Date() }).where(eq(flashSaleItem.id, itemId)).returning();
  changes.push({ entity: 'FlashSaleItem', id: itemId, before: { removed: false }, after: { removed: true } });
  return ok(row!);
}

export interface FlashSaleFilter {
  /** Sessions that end after this (a calendar's first day). */
  from?: Date | null;
  /** Sessions that start before this (the day after a calendar's last day). */
  to?: Date | null;
  /** Archived sessions too. */
  includeArchived?: boolean | null;
}

/** One keyset page of sessions by start, earliest first (a calendar's order). `db` may be the pool. */
export function listFlashSales(db: Db, args: ConnectionArgs & { filter?: FlashSaleFilter | null }) {
  const f = args.filter ?? {};
  const filter: SQL | undefined = and(
    f.includeArchived ? undefined : isNull(flashSale.archivedAt),
    f.from ? gt(flashSale.endsAt, f.from) : undefined,
    f.to ? lt(flashSale.startsAt, f.to) : undefined,
  );
  return connectionOf(args, {
    sort: flashSale.startsAt,
    id: flashSale.id,
    descending: false,
    filter,
    rows: (page) => db.select().from(flashSale).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.startsAt.toISOString(), id: row.id }),
    count: () => db.$count(flashSale, filter),
  });
}

/** How far ahead the storefront lists upcoming sessions. */
export const STOREFRONT_HORIZON_HOURS = 48;
const STOREFRONT_MAX_SESSIONS = 20;

/**
 * The sessions a storefront shows at `now`: running and starting within the
 * horizon, not archived, on the channel when one is named, earliest first.
 */
export function liveFlashSales(db: Db, now: Date, channel: string | null): Promise<FlashSaleRow[]> {
  const horizon = new Date(now.getTime() + STOREFRONT_HORIZON_HOURS * 3_600_000);
  return db
    .select()
    .from(flashSale)
    .where(
      and(
        isNull(flashSale.archivedAt),
        gt(flashSale.endsAt, now),
        lt(flashSale.startsAt, horizon),
        channel ? sql`(cardinality(${flashSale.channels}) = 0 or ${channel} = any(${flashSale.channels}))` : undefined,
      ),
    )
    .orderBy(asc(flashSale.startsAt), asc(flashSale.id))
    .limit(STOREFRONT_MAX_SESSIONS);
}

export function flashSalesByIds(db: Db, ids: readonly string[]) {
  return db.select().from(flashSale).where(anyId(flashSale.id, ids));
}

/** The items (not removed) of the sessions, in the order they were added. */
export function itemsOf(db: Db, flashSaleIds: readonly string[]) {
  return db
    .select()
    .from(flashSaleItem)
    .where(and(anyId(flashSaleItem.flashSaleId, flashSaleIds), isNull(flashSaleItem.removedAt)))
    .orderBy(asc(flashSaleItem.createdAt), asc(flashSaleItem.id));
}

/** Units left per item, for the loaders. */
export async function remainingRows(db: Db, itemIds: readonly string[]) {
  const remaining = await remainingOf(db, itemIds);
  return itemIds.map((itemId) => ({ itemId, remaining: remaining.get(itemId) ?? 0 }));
}
