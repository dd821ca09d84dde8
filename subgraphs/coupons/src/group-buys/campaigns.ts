// Group-buy campaigns: staff create, change and archive them; lists and lookups for the console.
import { and, eq, gt, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { anyId, connectionOf, failWith, isId, ok, parseDecimal, type ChangeRecord, type ConnectionArgs, type Db, type Result, type UserError } from '@shop/kit';
import { groupBuyCampaign, type GroupBuyCampaignRow, type LocalizedTitles } from './tables.js';
import { groupBuyError, groupBuyFail } from '../errors/index.js';

export type GroupBuyErrorCode = 'NOT_FOUND' | 'INVALID' | 'INVALID_STATE';
export type GroupBuyCampaignStatus = 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'ARCHIVED';

/** The shop's languages; en is required, the others fall back to it. */
export const TITLE_LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
const MAX_TITLE = 200;

export interface CampaignFields {
  productId?: string | null;
  titles?: readonly { locale: string; text: string }[] | null;
  groupPrice?: { amount: string; currencyCode: string } | null;
  groupSize?: number | null;
  fillMinutes?: number | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
}

/** Where a campaign stands at `now`, derived from its dates and archiving. */
export function campaignStatus(row: GroupBuyCampaignRow, now: Date): GroupBuyCampaignStatus {
  if (row.archivedAt) return 'ARCHIVED';
  if (now < row.startsAt) return 'SCHEDULED';
  return now < row.endsAt ? 'ACTIVE' : 'ENDED';
}

/** A campaign's title in `locale`, else English. */
export function titleIn(titles: LocalizedTitles, locale: string): string {
  return titles[locale] ?? titles.en ?? Object.values(titles)[0] ?? '';
}

type Checked = Omit<typeof groupBuyCampaign.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'archivedAt'>;

/** Validates a whole campaign (a new one, or an existing one with the changes applied); every mistake at once. */
function check(fields: CampaignFields, existing: GroupBuyCampaignRow | null): Result<Checked, GroupBuyErrorCode> {
  const errors: UserError<GroupBuyErrorCode>[] = [];
  const at = (...path: string[]) => ['input', ...path];
  const productId = fields.productId ?? existing?.productId ?? '';
  if (!isId(productId)) errors.push(groupBuyError('INVALID:product', at('productId')));
  let titles: LocalizedTitles = existing?.titles ?? {};
  if (fields.titles) {
    titles = {};
    fields.titles.forEach((t, i) => {
      const text = t.text.trim();
      if (!(TITLE_LOCALES as readonly string[]).includes(t.locale)) {
        errors.push(groupBuyError('INVALID:titleLocale', at('titles', String(i), 'locale')));
      } else if (text.length > MAX_TITLE) {
        errors.push(groupBuyError('INVALID:titleLength', at('titles', String(i), 'text'), { max: MAX_TITLE }));
      } else if (text) titles[t.locale] = text;
    });
  }
  if (!titles.en) errors.push(groupBuyError('INVALID:englishTitle', at('titles')));
  let groupPriceMinor = existing?.groupPriceMinor ?? 0n;
  let currencyCode = existing?.currencyCode ?? '';
  if (fields.groupPrice) {
    currencyCode = fields.groupPrice.currencyCode;
    const parsed = parseDecimal(fields.groupPrice.amount, currencyCode);
    if (parsed === null || parsed <= 0n) {
      errors.push(groupBuyError('INVALID:groupPrice', at('groupPrice', 'amount'), { currency: currencyCode }));
    } else groupPriceMinor = parsed;
  } else if (!existing) errors.push(groupBuyError('INVALID:groupPriceMissing', at('groupPrice')));
  const groupSize = fields.groupSize ?? existing?.groupSize ?? 0;
  if (!Number.isInteger(groupSize) || groupSize < 2 || groupSize > 100) {
    errors.push(groupBuyError('INVALID:groupSize', at('groupSize'), { min: 2, max: 100 }));
  }
  const fillMinutes = fields.fillMinutes ?? existing?.fillMinutes ?? 0;
  if (!Number.isInteger(fillMinutes) || fillMinutes < 5 || fillMinutes > 10_080) {
    errors.push(groupBuyError('INVALID:fillMinutes', at('fillMinutes')));
  }
  const startsAt = fields.startsAt ?? existing?.startsAt;
  const endsAt = fields.endsAt ?? existing?.endsAt;
  if (!startsAt) errors.push(groupBuyError('INVALID:startsAt', at('startsAt')));
  if (!endsAt) errors.push(groupBuyError('INVALID:endsAt', at('endsAt')));
  else if (startsAt && endsAt <= startsAt) errors.push(groupBuyError('INVALID:window', at('endsAt')));
  if (errors.length) return failWith(errors);
  return ok({ productId, titles, groupPriceMinor, currencyCode, groupSize, fillMinutes, startsAt: startsAt!, endsAt: endsAt! });
}

/** A campaign's values as an audit change record carries them: JSON, so money in minor units as text. */
function auditable(values: Partial<Checked> & Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'bigint' ? value.toString() : value]));
}

/** groupBuyCampaignCreate, in the mutation's `tx`. */
export async function createCampaign(
  tx: Db,
  fields: CampaignFields,
  changes: ChangeRecord[],
): Promise<Result<GroupBuyCampaignRow, GroupBuyErrorCode>> {
  const checked = check(fields, null);
  if (!checked.ok) return checked;
  const [row] = await tx.insert(groupBuyCampaign).values(checked.value).returning();
  changes.push({ entity: 'GroupBuyCampaign', id: row!.id, before: {}, after: auditable(checked.value) });
  return ok(row!);
}

async function lockCampaign(tx: Db, id: string): Promise<GroupBuyCampaignRow | null> {
  if (!isId(id)) return null;
  const [row] = await tx.select().from(groupBuyCampaign).where(eq(groupBuyCampaign.id, id)).for('update');
  return row ?? null;
}

/**
 * groupBuyCampaignUpdate: changes what is given. Groups already open keep the
 * size and deadline they opened with; an archived campaign cannot be changed.
 */
export async function updateCampaign(
  tx: Db,
  input: CampaignFields & { id: string },
  changes: ChangeRecord[],
): Promise<Result<GroupBuyCampaignRow, GroupBuyErrorCode>> {
  const existing = await lockCampaign(tx, input.id);
  if (!existing) return groupBuyFail('NOT_FOUND', ['input', 'id']);
  if (existing.archivedAt) return groupBuyFail('INVALID_STATE', ['input', 'id']);
  const checked = check(input, existing);
  if (!checked.ok) return checked;
  const [row] = await tx
    .update(groupBuyCampaign)
    .set({ ...checked.value, updatedAt: sql`now()` })
    .where(eq(groupBuyCampaign.id, existing.id))
    .returning();
  changes.push({ entity: 'GroupBuyCampaign', id: existing.id, before: auditable(existing), after: auditable(checked.value) });
  return ok(row!);
}

/** groupBuyCampaignArchive: no new group opens; open groups run to their end. Archiving twice is harmless. */
export async function archiveCampaign(tx: Db, id: string, changes: ChangeRecord[]): Promise<Result<GroupBuyCampaignRow, GroupBuyErrorCode>> {
  const existing = await lockCampaign(tx, id);
  if (!existing) return groupBuyFail('NOT_FOUND', ['input', 'id']);
  if (existing.archivedAt) return ok(existing);
  const [row] = await tx
    .update(groupBuyCampaign)
    .set({ archivedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(groupBuyCampaign.id, existing.id))
    .returning();
  changes.push({ entity: 'GroupBuyCampaign', id: existing.id, before: { archivedAt: null }, after: { archivedAt: row!.archivedAt } });
  return ok(row!);
}

export interface CampaignFilter {
  status?: GroupBuyCampaignStatus | null;
  productId?: string | null;
}

function campaignCondition(filter: CampaignFilter | null | undefined, now: Date): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter?.productId) conditions.push(isId(filter.productId) ? eq(groupBuyCampaign.productId, filter.productId) : sql`false`);
  switch (filter?.status) {
    case 'ARCHIVED':
      conditions.push(sql`${groupBuyCampaign.archivedAt} is not null`);
      break;
    case 'SCHEDULED':
      conditions.push(and(isNull(groupBuyCampaign.archivedAt), gt(groupBuyCampaign.startsAt, now))!);
      break;
    case 'ACTIVE':
      conditions.push(and(isNull(groupBuyCampaign.archivedAt), lte(groupBuyCampaign.startsAt, now), gt(groupBuyCampaign.endsAt, now))!);
      break;
    case 'ENDED':
      conditions.push(and(isNull(groupBuyCampaign.archivedAt), lte(groupBuyCampaign.endsAt, now))!);
      break;
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** Campaigns, newest first. `tx` may be the pool. */
export function listCampaigns(tx: Db, args: ConnectionArgs & { filter?: CampaignFilter | null }, now = new Date()) {
  const filter = campaignCondition(args.filter, now);
  return connectionOf(args, {
    sort: groupBuyCampaign.createdAt,
    id: groupBuyCampaign.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(groupBuyCampaign).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: () => tx.$count(groupBuyCampaign, filter),
  });
}

export function campaignsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(groupBuyCampaign).where(anyId(groupBuyCampaign.id, ids));
}
