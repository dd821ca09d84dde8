// Coupon reads: the list, lookups by id, titles by locale and the status derived from dates and archiving.
import { and, count, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { anyId, connectionOf, type ConnectionArgs, type Db } from '@shop/kit';
import { coupon, type CouponRow } from './tables.js';

export type CouponStatus = 'SCHEDULED' | 'ACTIVE' | 'EXPIRED' | 'ARCHIVED';

/** Where a coupon stands at `now`: archiving wins; the window is [startsAt, endsAt). */
export function couponStatus(row: Pick<CouponRow, 'startsAt' | 'endsAt' | 'archivedAt'>, now: Date): CouponStatus {
  if (row.archivedAt) return 'ARCHIVED';
  if (now < row.startsAt) return 'SCHEDULED';
  if (now >= row.endsAt) return 'EXPIRED';
  return 'ACTIVE';
}

/** The SQL twin of couponStatus, for list filters. */
function statusCondition(status: CouponStatus, now: Date): SQL {
  const at = now.toISOString();
  switch (status) {
    case 'ARCHIVED':
      return isNotNull(coupon.archivedAt);
    case 'SCHEDULED':
      return and(isNull(coupon.archivedAt), sql`${coupon.startsAt} > ${at}::timestamptz`)!;
    case 'EXPIRED':
      return and(isNull(coupon.archivedAt), sql`${coupon.endsAt} <= ${at}::timestamptz`)!;
    case 'ACTIVE':
      return and(isNull(coupon.archivedAt), sql`${coupon.startsAt} <= ${at}::timestamptz`, sql`${coupon.endsAt} > ${at}::timestamptz`)!;
  }
}

export interface CouponFilter {
  status?: readonly CouponStatus[] | null;
  search?: string | null;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One keyset page of coupons, newest first, archived ones included unless filtered out. `tx` may be the pool. */
export async function listCoupons(tx: Db, args: ConnectionArgs & { filter?: CouponFilter | null }, now: Date = new Date()) {
  const search = args.filter?.search?.trim().toLowerCase();
  const statuses = args.filter?.status ?? [];
  const filter = and(
    statuses.length ? or(...statuses.map((s) => statusCondition(s, now))) : undefined,
    search ? sql`(lower(${coupon.title}) like ${likePattern(search)} or lower(coalesce(${coupon.code}, '')) like ${likePattern(search)})` : undefined,
  );
  return connectionOf(args, {
    sort: coupon.createdAt,
    id: coupon.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(coupon).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(coupon).where(filter))[0]!.n,
  });
}

export function couponsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(coupon).where(anyId(coupon.id, ids));
}

/** The title in a locale (en, th, zh-CN, zh-TW, ar), English when the coupon has none in it. */
export function titleIn(row: Pick<CouponRow, 'title' | 'titles'>, locale: string | null | undefined): string {
  return (locale && locale !== 'en' && row.titles[locale]) || row.title;
}

/** Every title of the coupon, English first, as rule titles for the pricing engine and the API. */
export function titlesOf(row: Pick<CouponRow, 'title' | 'titles'>): Record<string, string> {
  return { en: row.title, ...Object.fromEntries(Object.entries(row.titles).filter((e): e is [string, string] => Boolean(e[1]))) };
}

/** The first of the shop's locales an Accept-Language header names; English otherwise. */
export function localeOf(acceptLanguage: string | null | undefined): string {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return tag.includes('tw') || tag.includes('hk') || tag.includes('hant') ? 'zh-TW' : 'zh-CN';
    const base = tag.split('-')[0];
    if (base === 'th' || base === 'ar' || base === 'en') return base;
  }
  return 'en';
}
