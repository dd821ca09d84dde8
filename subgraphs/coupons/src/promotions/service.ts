// Promotions: validation, create/update/archive, the status derived from the schedule, and the list.
import { and, count, eq, inArray, isNull, lte, gt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { anyId, changeOf, connectionOf, currencyExponent, isId, ok, parseDecimal, type ChangeRecord, type ConnectionArgs, type Db } from '@shop/kit';
import { promotionError, promotionFail, type PromotionError, type PromotionResult } from '../errors/index.js';
import { promotion, type PromotionRow, type StoredSpendTier } from './tables.js';

export const PROMOTION_KINDS = ['TIERED_SPEND', 'PERCENT_OFF', 'FIXED_OFF', 'BUY_X_GET_Y', 'NTH_ITEM_PERCENT', 'TIER_PRICE'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];
export type PromotionStatus = 'DRAFT' | 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'ARCHIVED';
export const TITLE_LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;

const MAX_TITLE = 200;
const MAX_SCOPE_IDS = 500;
const MAX_SEGMENTS = 50;
const MAX_TIERS = 10;
const MAX_PRIORITY = 1000;

/** Where a promotion stands at `now`: staff's decision first, then the schedule ([startsAt, endsAt)). */
export function promotionStatus(row: Pick<PromotionRow, 'lifecycle' | 'startsAt' | 'endsAt'>, now: Date): PromotionStatus {
  if (row.lifecycle !== 'ACTIVE') return row.lifecycle;
  if (row.startsAt && now < row.startsAt) return 'SCHEDULED';
  if (row.endsAt && now >= row.endsAt) return 'ENDED';
  return 'ACTIVE';
}

/** The SQL of "status is one of these" at `now`, the same rule as promotionStatus. */
function statusCondition(statuses: readonly PromotionStatus[], now: Date): SQL | undefined {
  const started = or(isNull(promotion.startsAt), lte(promotion.startsAt, now));
  const notEnded = or(isNull(promotion.endsAt), gt(promotion.endsAt, now));
  const active = eq(promotion.lifecycle, 'ACTIVE');
  const one: Record<PromotionStatus, SQL | undefined> = {
    DRAFT: eq(promotion.lifecycle, 'DRAFT'),
    ARCHIVED: eq(promotion.lifecycle, 'ARCHIVED'),
    SCHEDULED: and(active, gt(promotion.startsAt, now)),
    ACTIVE: and(active, started, notEnded),
    ENDED: and(active, lte(promotion.endsAt, now)),
  };
  return or(...statuses.map((s) => one[s]));
}

export interface PromotionInput {
  titles?: readonly { locale: string; text: string }[] | null;
  kind?: PromotionKind;
  activate?: boolean | null;
  priority?: number | null;
  combinable?: boolean | null;
  startsAt?: Date | string | null;
  endsAt?: Date | string | null;
  channels?: readonly string[] | null;
  memberTiers?: readonly string[] | null;
  segmentIds?: readonly string[] | null;
  scope?: { kind: 'ALL' | 'PRODUCTS' | 'CATEGORIES' | 'COLLECTIONS'; ids?: readonly string[] | null } | null;
  currencyCode?: string;
  spendTiers?: readonly { threshold: string; amountOff: string }[] | null;
  percentOff?: number | null;
  amountOff?: string | null;
  maxDiscount?: string | null;
  minimumSpend?: string | null;
  buyQuantity?: number | null;
  getQuantity?: number | null;
  nth?: number | null;
}

type Values = Partial<Omit<PromotionRow, 'id' | 'createdAt' | 'updatedAt' | 'archivedAt'>>;

const titlesSchema = z
  .array(z.object({ locale: z.enum(TITLE_LOCALES), text: z.string().trim().min(1).max(MAX_TITLE) }))
  .min(1)
  .refine((list) => list.some((t) => t.locale === 'en'))
  .refine((list) => new Set(list.map((t) => t.locale)).size === list.length);
const prioritySchema = z.number().int().min(0).max(MAX_PRIORITY);
const percentSchema = z.number().int().min(1).max(10_000);
const quantity = (min: number, max: number) => z.number().int().min(min).max(max);

/** Which amount fields each kind needs; the others must be absent (null). */
const NEEDS: Record<PromotionKind, readonly (keyof PromotionInput)[]> = {
  TIERED_SPEND: ['spendTiers'],
  PERCENT_OFF: ['percentOff'],
  FIXED_OFF: ['amountOff'],
  BUY_X_GET_Y: ['percentOff', 'buyQuantity', 'getQuantity'],
  NTH_ITEM_PERCENT: ['percentOff', 'nth'],
  TIER_PRICE: ['percentOff', 'memberTiers'],
};
const KIND_FIELDS = ['spendTiers', 'percentOff', 'amountOff', 'maxDiscount', 'buyQuantity', 'getQuantity', 'nth'] as const;
const ALLOWED: Record<PromotionKind, readonly string[]> = {
  TIERED_SPEND: ['spendTiers'],
  PERCENT_OFF: ['percentOff', 'maxDiscount'],
  FIXED_OFF: ['amountOff'],
  BUY_X_GET_Y: ['percentOff', 'buyQuantity', 'getQuantity'],
  NTH_ITEM_PERCENT: ['percentOff', 'nth'],
  TIER_PRICE: ['percentOff', 'maxDiscount'],
};

const field = (name: string, ...rest: (string | number)[]) => ['input', name, ...rest.map(String)];

/**
 * Checks the fields given (all of them on create, the changed ones merged over the row on update) and turns
 * them into column values, collecting every mistake.
 */
function promotionValues(input: PromotionInput, current: PromotionRow | null): PromotionResult<Values> {
  const errors: PromotionError[] = [];
  const values: Values = {};
  const kind = (input.kind ?? current!.kind) as PromotionKind;
  const currencyCode = input.currencyCode ?? current!.currencyCode;
  try {
    currencyExponent(currencyCode);
  } catch {
    return promotionFail('UNSUPPORTED_CURRENCY', field('currencyCode'));
  }
  if (input.kind) values.kind = input.kind;
  if (input.currencyCode) values.currencyCode = input.currencyCode;
  const amount = (name: string, text: string | null | undefined, allowZero = false, path = field(name)): bigint | null | undefined => {
    if (text === undefined) return undefined;
    if (text === null) return null;
    const minor = parseDecimal(text, currencyCode);
    if (minor === null || minor < 0n || (!allowZero && minor === 0n)) {
      errors.push(promotionError('INVALID_AMOUNT', path));
      return undefined;
    }
    return minor;
  };

  if (input.titles != null || current === null) {
    const parsed = titlesSchema.safeParse(input.titles ?? []);
    if (parsed.success) values.titles = Object.fromEntries(parsed.data.map((t) => [t.locale, t.text]));
    else errors.push(promotionError('INVALID_TITLE', field('titles'), { max: MAX_TITLE }));
  }
  if (input.activate != null) values.lifecycle = input.activate ? 'ACTIVE' : 'DRAFT';
  if (input.priority != null) {
    if (prioritySchema.safeParse(input.priority).success) values.priority = input.priority;
    else errors.push(promotionError('INVALID_PRIORITY', field('priority'), { max: MAX_PRIORITY }));
  }
  if (input.combinable != null) values.combinable = input.combinable;
  if (input.startsAt !== undefined) values.startsAt = input.startsAt === null ? null : new Date(input.startsAt);
  if (input.endsAt !== undefined) values.endsAt = input.endsAt === null ? null : new Date(input.endsAt);
  const startsAt = values.startsAt !== undefined ? values.startsAt : (current?.startsAt ?? null);
  const endsAt = values.endsAt !== undefined ? values.endsAt : (current?.endsAt ?? null);
  if (startsAt && endsAt && endsAt <= startsAt) errors.push(promotionError('INVALID_SCHEDULE', field('endsAt')));
  if (input.channels != null) values.channels = [...new Set(input.channels)];
  if (input.memberTiers != null) values.memberTiers = [...new Set(input.memberTiers)];
  if (input.segmentIds != null) {
    const ids = [...new Set(input.segmentIds)];
    if (ids.length > MAX_SEGMENTS || !ids.every(isId)) errors.push(promotionError('INVALID_SEGMENTS', field('segmentIds'), { max: MAX_SEGMENTS }));
    else values.segmentIds = ids;
  }
  if (input.scope != null) {
    const ids = [...new Set(input.scope.ids ?? [])];
    const wantsIds = input.scope.kind !== 'ALL';
    if (wantsIds ? ids.length === 0 || ids.length > MAX_SCOPE_IDS || !ids.every(isId) : ids.length > 0) {
      errors.push(promotionError('INVALID_SCOPE', field('scope', 'ids'), { max: MAX_SCOPE_IDS }));
    } else {
      values.scopeKind = input.scope.kind;
      values.scopeIds = ids;
    }
  }
  if (input.percentOff !== undefined) {
    if (input.percentOff === null || percentSchema.safeParse(input.percentOff).success) values.percentBp = input.percentOff;
    else errors.push(promotionError('INVALID_PERCENT', field('percentOff')));
  }
  const amountOff = amount('amountOff', input.amountOff);
  if (amountOff !== undefined) values.amountOffMinor = amountOff;
  const maxDiscount = amount('maxDiscount', input.maxDiscount);
  if (maxDiscount !== undefined) values.maxDiscountMinor = maxDiscount;
  const minimumSpend = amount('minimumSpend', input.minimumSpend, true);
  if (minimumSpend !== undefined) values.minSpendMinor = minimumSpend;
  for (const [name, min, max] of [['buyQuantity', 1, 100], ['getQuantity', 1, 100], ['nth', 2, 100]] as const) {
    const value = input[name];
    if (value === undefined) continue;
    if (value === null || quantity(min, max).safeParse(value).success) values[name] = value;
    else errors.push(promotionError('INVALID_QUANTITY', field(name), { min, max }));
  }
  if (input.spendTiers !== undefined) {
    if (input.spendTiers === null) values.spendTiers = null;
    else {
      const tiers: StoredSpendTier[] = [];
      input.spendTiers.forEach((tier, i) => {
        const threshold = amount('spendTiers', tier.threshold, true, field('spendTiers', i, 'threshold'));
        const off = amount('spendTiers', tier.amountOff, false, field('spendTiers', i, 'amountOff'));
        if (typeof threshold === 'bigint' && typeof off === 'bigint') tiers.push({ thresholdMinor: String(threshold), offMinor: String(off) });
      });
      const distinct = new Set(tiers.map((t) => t.thresholdMinor)).size === tiers.length;
      if (input.spendTiers.length === 0 || input.spendTiers.length > MAX_TIERS || !distinct) {
        errors.push(promotionError('INVALID_TIERS', field('spendTiers'), { max: MAX_TIERS }));
      } else values.spendTiers = tiers.sort((a, b) => (BigInt(a.thresholdMinor) < BigInt(b.thresholdMinor) ? -1 : 1));
    }
  }
  if (errors.length) return { ok: false, errors };

  // What the kind needs and what it does not use, on the merged promotion.
  const merged = { ...current, ...values } as Partial<PromotionRow>;
  const present: Record<string, boolean> = {
    spendTiers: merged.spendTiers != null,
    percentOff: merged.percentBp != null,
    amountOff: merged.amountOffMinor != null,
    maxDiscount: merged.maxDiscountMinor != null,
    buyQuantity: merged.buyQuantity != null,
    getQuantity: merged.getQuantity != null,
    nth: merged.nth != null,
    memberTiers: (merged.memberTiers?.length ?? 0) > 0,
  };
  for (const name of NEEDS[kind]) {
    if (!present[name]) errors.push(promotionError('KIND_MISMATCH', field(name), { kind, needed: 'true' }));
  }
  for (const name of KIND_FIELDS) {
    if (present[name] && !ALLOWED[kind].includes(name)) errors.push(promotionError('KIND_MISMATCH', field(name), { kind, needed: 'false' }));
  }
  return errors.length ? { ok: false, errors } : ok(values);
}

const audited = (row: PromotionRow) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return JSON.parse(JSON.stringify(rest, (_, v) => (typeof v === 'bigint' ? String(v) : v))) as Record<string, unknown>;
};

/** Creates a promotion (a draft unless `activate`). `tx` is the mutation's. */
export async function createPromotion(
  tx: Db,
  input: PromotionInput & { kind: PromotionKind; currencyCode: string; titles: readonly { locale: string; text: string }[] },
  changes: ChangeRecord[],
): Promise<PromotionResult<PromotionRow>> {
  const values = promotionValues(input, null);
  if (!values.ok) return values;
  const [row] = await tx
    .insert(promotion)
    .values({ ...values.value, kind: input.kind, currencyCode: input.currencyCode, titles: values.value.titles! })
    .returning();
  changes.push({ entity: 'Promotion', id: row!.id, before: {}, after: audited(row!) });
  return ok(row!);
}

/** The promotion locked for a write: it exists and is not archived. */
async function writablePromotion(tx: Db, id: string): Promise<PromotionResult<PromotionRow>> {
  if (!isId(id)) return promotionFail('PROMOTION_NOT_FOUND', field('id'));
  const [row] = await tx.select().from(promotion).where(eq(promotion.id, id)).for('update');
  if (!row) return promotionFail('PROMOTION_NOT_FOUND', field('id'));
  if (row.lifecycle === 'ARCHIVED') return promotionFail('PROMOTION_ARCHIVED', field('id'));
  return ok(row);
}

/** Changes the fields given; the merged promotion must still be valid for its kind. */
export async function updatePromotion(tx: Db, id: string, input: PromotionInput, changes: ChangeRecord[]): Promise<PromotionResult<PromotionRow>> {
  const found = await writablePromotion(tx, id);
  if (!found.ok) return found;
  const values = promotionValues({ ...input, kind: undefined, currencyCode: undefined }, found.value);
  if (!values.ok) return values;
  const [row] = await tx.update(promotion).set({ ...values.value, updatedAt: new Date() }).where(eq(promotion.id, id)).returning();
  const change = changeOf('Promotion', id, audited(found.value), audited(row!));
  if (change) changes.push(change);
  return ok(row!);
}

/** Archives a promotion: it stops applying at once; orders placed with it keep their snapshot. */
export async function archivePromotion(tx: Db, id: string, changes: ChangeRecord[]): Promise<PromotionResult<PromotionRow>> {
  const found = await writablePromotion(tx, id);
  if (!found.ok) return found;
  const now = new Date();
  const [row] = await tx.update(promotion).set({ lifecycle: 'ARCHIVED', archivedAt: now, updatedAt: now }).where(eq(promotion.id, id)).returning();
  changes.push({ entity: 'Promotion', id, before: { lifecycle: found.value.lifecycle }, after: { lifecycle: 'ARCHIVED' } });
  return ok(row!);
}

export interface PromotionFilter {
  status?: readonly PromotionStatus[] | null;
  kind?: readonly PromotionKind[] | null;
  search?: string | null;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One keyset page of promotions, newest first; archived ones only when the filter asks for them. `db` may be the pool. */
export function listPromotions(db: Db, args: ConnectionArgs & { filter?: PromotionFilter | null }, now: Date = new Date()) {
  const { status, kind, search } = args.filter ?? {};
  const text = search?.trim().toLowerCase();
  const filter = and(
    status?.length ? statusCondition(status, now) : sql`${promotion.lifecycle} <> 'ARCHIVED'`,
    kind?.length ? inArray(promotion.kind, [...kind]) : undefined,
    // Any language's title: the titles' values as one lower-cased text.
    text ? sql`lower(${promotion.titles}::text) like ${likePattern(text)}` : undefined,
  );
  return connectionOf(args, {
    sort: promotion.createdAt,
    id: promotion.id,
    descending: true,
    filter,
    rows: (page) => db.select().from(promotion).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: count() }).from(promotion).where(filter))[0]!.n,
  });
}

export function promotionsByIds(db: Db, ids: readonly string[]): Promise<PromotionRow[]> {
  return db.select().from(promotion).where(anyId(promotion.id, ids));
}

/** Promotions that may apply at `at`: activated and within their schedule. `tx` is the pricing caller's. */
export function applicablePromotions(tx: Db, at: Date, currencyCode: string): Promise<PromotionRow[]> {
  return tx
    .select()
    .from(promotion)
    .where(and(statusCondition(['ACTIVE'], at), eq(promotion.currencyCode, currencyCode)));
}
