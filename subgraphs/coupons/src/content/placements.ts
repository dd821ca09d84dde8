// Banners and announcements (placements): staff writes, the staff list, and the storefront's live read.
import { and, count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { anyId, changeOf, connectionOf, isId, ok, type ChangeRecord, type ConnectionArgs, type Db } from '@shop/kit';
import { checkInput, placementCreateInput, placementUpdateInput } from './checks.js';
import { contentError, contentFail, type ContentError, type ContentErrorCode, type ContentResult } from '../errors/index.js';
import type { ContentLocale } from './locale.js';
import { placement, type PlacementKind, type PlacementRow } from './tables.js';
import { storedPlacementTexts } from './texts.js';

export type PlacementStatus = 'SCHEDULED' | 'LIVE' | 'ENDED' | 'ARCHIVED';

/** At most this many placements of a kind reach a storefront at once: a page shows a few, never hundreds. */
export const LIVE_LIMIT = 50;

const ENTITY: Record<PlacementKind, string> = { BANNER: 'Banner', ANNOUNCEMENT: 'Announcement' };
const NOT_FOUND: Record<PlacementKind, ContentErrorCode> = { BANNER: 'BANNER_NOT_FOUND', ANNOUNCEMENT: 'ANNOUNCEMENT_NOT_FOUND' };

/** A row with its texts checked against the stored shape. */
const withCheckedTexts = (row: PlacementRow): PlacementRow => ({ ...row, texts: storedPlacementTexts.parse(row.texts) });

/** Where a placement stands at `now`: archiving wins; the window is [startsAt, endsAt). */
export function placementStatus(row: Pick<PlacementRow, 'startsAt' | 'endsAt' | 'archivedAt'>, now: Date): PlacementStatus {
  if (row.archivedAt) return 'ARCHIVED';
  if (now < row.startsAt) return 'SCHEDULED';
  if (row.endsAt && now >= row.endsAt) return 'ENDED';
  return 'LIVE';
}

/** The SQL of one status at `now`, the same boundaries as placementStatus. */
function statusCondition(status: PlacementStatus, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  switch (status) {
    case 'ARCHIVED':
      return isNotNull(placement.archivedAt);
    case 'SCHEDULED':
      return sql`${placement.archivedAt} is null and ${placement.startsAt} > ${at}`;
    case 'ENDED':
      return sql`${placement.archivedAt} is null and ${placement.endsAt} <= ${at}`;
    case 'LIVE':
      return sql`${placement.archivedAt} is null and ${placement.startsAt} <= ${at} and (${placement.endsAt} is null or ${placement.endsAt} > ${at})`;
  }
}

/**
 * Creates, archives and reorders of one kind take turns (a transaction-scoped
 * lock), so two creates never take the same next position and a reorder sees
 * every placement it renumbers.
 */
async function lockKind(tx: Db, kind: PlacementKind): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`coupons.placement.${kind}`}))`);
}

const audited = (row: PlacementRow) => ({
  texts: row.texts,
  imageUrl: row.imageUrl,
  linkUrl: row.linkUrl,
  channels: row.channels,
  locales: row.locales,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt?.toISOString() ?? null,
  position: row.position,
  archived: row.archivedAt !== null,
});

/**
 * Creates a banner or an announcement after every other of its kind (the
 * largest position + 1); it starts now unless `startsAt` says otherwise.
 * `tx` is the mutation's transaction.
 */
export async function createPlacement(tx: Db, kind: PlacementKind, input: unknown, changes: ChangeRecord[], now: Date = new Date()): Promise<ContentResult<PlacementRow>> {
  const checked = checkInput(placementCreateInput, input);
  if (!checked.ok) return checked;
  const values = checked.value;
  const errors: ContentError[] = [];
  if (kind === 'BANNER' && !values.imageUrl) errors.push(contentError('IMAGE_REQUIRED', ['input', 'imageUrl']));
  const startsAt = values.startsAt ?? now;
  if (values.endsAt && values.endsAt <= startsAt) errors.push(contentError('INVALID_SCHEDULE', ['input', 'endsAt']));
  if (errors.length) return { ok: false, errors };
  await lockKind(tx, kind);
  const [last] = await tx
    .select({ max: sql<number | null>`max(${placement.position})` })
    .from(placement)
    .where(and(eq(placement.kind, kind), isNull(placement.archivedAt)));
  const [row] = await tx
    .insert(placement)
    .values({
      kind,
      texts: values.texts,
      imageUrl: kind === 'BANNER' ? values.imageUrl! : null,
      linkUrl: values.linkUrl ?? null,
      channels: values.channels,
      locales: values.locales,
      position: (last?.max ?? -1) + 1,
      startsAt,
      endsAt: values.endsAt ?? null,
    })
    .returning();
  changes.push({ entity: ENTITY[kind], id: row!.id, before: {}, after: audited(row!) });
  return ok(withCheckedTexts(row!));
}

/** The placement of this kind locked for a write: it exists and is not archived. */
async function writablePlacement(tx: Db, kind: PlacementKind, id: string): Promise<ContentResult<PlacementRow>> {
  if (!isId(id)) return contentFail(NOT_FOUND[kind], ['input', 'id']);
  const [row] = await tx.select().from(placement).where(and(eq(placement.id, id), eq(placement.kind, kind))).for('update');
  if (!row) return contentFail(NOT_FOUND[kind], ['input', 'id']);
  if (row.archivedAt) return contentFail('ARCHIVED', ['input', 'id']);
  return ok(withCheckedTexts(row));
}

/**
 * Changes the fields given: omitted ones stay, `linkUrl: null` and
 * `endsAt: null` clear, lists and texts given replace the old ones.
 */
export async function updatePlacement(tx: Db, kind: PlacementKind, input: { id: string }, changes: ChangeRecord[]): Promise<ContentResult<PlacementRow>> {
  const found = await writablePlacement(tx, kind, input.id);
  if (!found.ok) return found;
  const checked = checkInput(placementUpdateInput, input);
  if (!checked.ok) return checked;
  const { id: _id, ...values } = checked.value;
  const startsAt = values.startsAt ?? found.value.startsAt;
  const endsAt = values.endsAt === undefined ? found.value.endsAt : values.endsAt;
  if (endsAt && endsAt <= startsAt) return contentFail('INVALID_SCHEDULE', ['input', values.endsAt === undefined ? 'startsAt' : 'endsAt']);
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (kind !== 'BANNER') delete set.imageUrl;
  const [row] = await tx
    .update(placement)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(placement.id, input.id))
    .returning();
  const change = changeOf(ENTITY[kind], input.id, audited(found.value), audited(row!));
  if (change) changes.push(change);
  return ok(withCheckedTexts(row!));
}

/** Archives a placement: storefronts stop showing it at once; staff still read it. */
export async function archivePlacement(tx: Db, kind: PlacementKind, id: string, changes: ChangeRecord[]): Promise<ContentResult<PlacementRow>> {
  await lockKind(tx, kind);
  const found = await writablePlacement(tx, kind, id);
  if (!found.ok) return found;
  const [row] = await tx.update(placement).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(placement.id, id)).returning();
  changes.push({ entity: ENTITY[kind], id, before: { archived: false }, after: { archived: true } });
  return ok(withCheckedTexts(row!));
}

/**
 * Puts the placements named first, in the order given; every other active
 * placement of the kind follows in its current order. Positions become
 * 0, 1, 2, ... The whole new order is answered.
 */
export async function reorderPlacements(tx: Db, kind: PlacementKind, ids: readonly string[], changes: ChangeRecord[]): Promise<ContentResult<PlacementRow[]>> {
  await lockKind(tx, kind);
  const active = await tx
    .select()
    .from(placement)
    .where(and(eq(placement.kind, kind), isNull(placement.archivedAt)))
    .orderBy(placement.position, placement.id);
  const activeIds = new Set(active.map((row) => row.id));
  const errors: ContentError[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (!activeIds.has(id)) errors.push(contentError(NOT_FOUND[kind], ['input', 'ids', String(i)]));
    else if (seen.has(id)) errors.push(contentError('DUPLICATE_ID', ['input', 'ids', String(i)]));
    seen.add(id);
  });
  if (errors.length) return { ok: false, errors };
  const order = [...ids, ...active.filter((row) => !seen.has(row.id)).map((row) => row.id)];
  const rows = await tx
    .update(placement)
    .set({ position: sql`array_position(${sql.param(order)}::uuid[], ${placement.id}) - 1`, updatedAt: new Date() })
    .where(anyId(placement.id, order))
    .returning();
  const before = active.map((row) => row.id);
  if (before.some((id, i) => order[i] !== id)) changes.push({ entity: `${ENTITY[kind]}Order`, id: kind, before: { ids: before }, after: { ids: order } });
  return ok(rows.sort((a, b) => a.position - b.position).map(withCheckedTexts));
}

export interface PlacementFilter {
  /** Only placements in these states; by default every state but ARCHIVED. */
  status?: readonly PlacementStatus[] | null;
  /** Only placements shown on this channel (those for every channel included). */
  channel?: string | null;
  /** Only placements shown in this language (those for every language included). */
  locale?: string | null;
}

/** Targeting: a placement with no channels (no locales) shows on every channel (in every language). */
const targets = (channel: string | null | undefined, locale: string | null | undefined) =>
  and(
    channel ? sql`(cardinality(${placement.channels}) = 0 or ${channel} = any(${placement.channels}))` : undefined,
    locale ? sql`(cardinality(${placement.locales}) = 0 or ${locale} = any(${placement.locales}))` : undefined,
  );

/** One keyset page of a kind's placements in display order. `db` may be the pool. */
export function listPlacements(db: Db, kind: PlacementKind, args: ConnectionArgs & { filter?: PlacementFilter | null }, now: Date = new Date()) {
  const statuses = args.filter?.status?.length ? args.filter.status : (['SCHEDULED', 'LIVE', 'ENDED'] as const);
  const filter = and(
    eq(placement.kind, kind),
    sql`(${sql.join(statuses.map((s) => statusCondition(s, now)), sql` or `)})`,
    targets(args.filter?.channel, args.filter?.locale),
  );
  return connectionOf(args, {
    sort: placement.position,
    id: placement.id,
    descending: false,
    filter,
    rows: async (page) => (await db.select().from(placement).where(page.where).orderBy(...page.orderBy).limit(page.limit)).map(withCheckedTexts),
    keyset: (row) => ({ value: row.position, id: row.id }),
    count: async () => (await db.select({ n: count() }).from(placement).where(filter))[0]!.n,
  });
}

/** Placements by id, archived ones included, for the per-request loader. */
export async function placementsByIds(db: Db, ids: readonly string[]): Promise<PlacementRow[]> {
  return (await db.select().from(placement).where(anyId(placement.id, ids))).map(withCheckedTexts);
}

/**
 * What a storefront shows now on `channel` in `locale`: live placements of the
 * kind (started, not ended, not archived) targeted there, in display order.
 */
export async function livePlacements(db: Db, kind: PlacementKind, channel: string, locale: ContentLocale, now: Date = new Date()): Promise<PlacementRow[]> {
  const rows = await db
    .select()
    .from(placement)
    .where(and(eq(placement.kind, kind), statusCondition('LIVE', now), targets(channel, locale)))
    .orderBy(placement.position, placement.id)
    .limit(LIVE_LIMIT);
  return rows.map(withCheckedTexts);
}
