// Member reads: the filtered, sorted list and lookups by id.
import { and, count, getTableColumns, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import {
  anyId,
  connectionOf,
  type ConnectionArgs,
  type Db,
  type Principal,
} from '@shop/kit';
import { member, type MemberRow, type MemberTier } from './tables.js';

/** Every member column but the password hash, which only sign-in reads (accounts.ts). */
export const memberColumns = (({ passwordHash: _hash, ...columns }) => columns)(getTableColumns(member));

export type Member = Omit<MemberRow, 'passwordHash'>;

export interface MemberFilter {
  query?: string | null;
  /** Searches contact data: the resolver admits it only for callers holding members:read_pii. */
  contact?: string | null;
  tier?: MemberTier[] | null;
}

export type MemberSortKey = 'CREATED_AT' | 'DISPLAY_NAME';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterSql(filter: MemberFilter | null | undefined): SQL | undefined {
  // Archived members leave the list but stay resolvable by id for the orders that name them.
  const conditions: (SQL | undefined)[] = [isNull(member.archivedAt)];
  if (filter?.tier?.length) conditions.push(inArray(member.tier, filter.tier));
  const text = filter?.query?.trim();
  if (text) conditions.push(ilike(member.displayName, likePattern(text)));
  const contact = filter?.contact?.trim();
  if (contact) conditions.push(or(ilike(member.email, likePattern(contact)), ilike(member.phone, likePattern(contact))));
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
  const sortKey = args.sortKey ?? 'CREATED_AT';
  const byName = sortKey === 'DISPLAY_NAME';
  const filter = filterSql(args.filter);
  return connectionOf(args, {
    sort: byName ? member.displayName : member.createdAt,
    id: member.id,
    // Newest first by default; names A to Z.
    descending: !byName !== Boolean(args.reverse),
    filter,
    rows: (page) => tx.select(memberColumns).from(member).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: byName ? row.displayName : row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(member).where(filter))[0]!.n,
  });
}

/**
 * Members by id, archived ones included (references must still resolve), as
 * far as the principal may see them: staff and partners any (the gateway
 * checked their scopes), a customer only themselves, an anonymous caller none.
 * This is the row rule of member(id) and of Member entities (_entities).
 */
export async function membersByIds(tx: Db, ids: readonly string[], principal: Principal): Promise<Member[]> {
  switch (principal.kind) {
    case 'staff':
    case 'partner':
      return tx.select(memberColumns).from(member).where(anyId(member.id, ids));
    case 'customer': {
      const own = ids.filter((id) => id === principal.memberId);
      return own.length ? tx.select(memberColumns).from(member).where(anyId(member.id, own)) : [];
    }
    case 'anonymous':
      return [];
  }
}
