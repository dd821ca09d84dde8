import { and, count, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { anyId, keysetPage, pageRequest, toConnection, type ConnectionArgs, type Db } from '@shop/kit';
import { member, type MemberTier } from './tables.js';

export interface MemberFilter {
  query?: string | null;
  tier?: MemberTier[] | null;
}

export type MemberSortKey = 'CREATED_AT' | 'DISPLAY_NAME';

function filterSql(filter: MemberFilter | null | undefined): SQL | undefined {
  // Archived members leave the list but stay resolvable by id for the orders that name them.
  const conditions: (SQL | undefined)[] = [isNull(member.archivedAt)];
  if (filter?.tier?.length) conditions.push(inArray(member.tier, filter.tier));
  const text = filter?.query?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(member.displayName, pattern), ilike(member.email, pattern), ilike(member.phone, pattern)));
  }
  return and(...conditions);
}

/**
 * One keyset page of active (non-archived) members. `tx` may be the pool; the
 * count runs only when the client asks for totalCount.
 */
export async function listMembers(
  tx: Db,
  args: ConnectionArgs & { filter?: MemberFilter | null; sortKey?: MemberSortKey | null; reverse?: boolean | null },
) {
  const page = pageRequest(args);
  const sortKey = args.sortKey ?? 'CREATED_AT';
  const byName = sortKey === 'DISPLAY_NAME';
  // Newest first by default; names A to Z.
  const descending = !byName !== Boolean(args.reverse);
  const filter = filterSql(args.filter);
  const { where, orderBy } = keysetPage(page, byName ? member.displayName : member.createdAt, member.id, descending, filter);
  const rows = await tx.select().from(member).where(where).orderBy(...orderBy).limit(page.limit);
  return toConnection(
    rows,
    page,
    (row) => ({ value: byName ? row.displayName : row.createdAt.toISOString(), id: row.id }),
    async () => (await tx.select({ n: count() }).from(member).where(filter))[0]!.n,
  );
}

/** Members by id, archived ones included (references must still resolve). */
export function membersByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(member).where(anyId(member.id, ids));
}
