// Members: the filtered, sorted list, lookups by id, and the staff's writes to a member's profile.
import { and, count, eq, getTableColumns, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { anyId, changeOf, connectionOf, isId, ok, type ChangeRecord, type ConnectionArgs, type Db, type Principal } from '@shop/kit';
import { customerSession } from './accounts/tables.js';
import { memberError, memberFail, type MemberError, type MemberResult } from './errors/index.js';
import { normalisePhone, phoneSearchDigits } from './pii/index.js';
import { queueSegmentsRefresh } from './segments/queue.js';
import { acquisitionChannel, member, memberConsent, memberGender, memberLocale, type ConsentChannel, type MemberRow, type MemberTier } from './tables.js';

/** Every member column but the password hash, which only sign-in reads (accounts/). */
export const memberColumns = (({ passwordHash: _hash, ...columns }) => columns)(getTableColumns(member));

export type Member = Omit<MemberRow, 'passwordHash'>;
export type MemberGender = (typeof memberGender.enumValues)[number];
export type MemberLocale = (typeof memberLocale.enumValues)[number];
export type AcquisitionChannel = (typeof acquisitionChannel.enumValues)[number];

export interface MemberFilter {
  /** A name in any script; an email or phone number too for callers holding members:read_pii. */
  query?: string | null;
  /** Searches contact data only: the resolver admits it only for callers holding members:read_pii. */
  contact?: string | null;
  tier?: MemberTier[] | null;
  tag?: string | null;
  channel?: AcquisitionChannel[] | null;
  consent?: ConsentChannel | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  disabled?: boolean | null;
}

export type MemberSortKey = 'CREATED_AT' | 'DISPLAY_NAME';

/** A LIKE pattern that finds `text` anywhere, its wildcards escaped. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const lowerLike = (column: SQL | AnyPgColumn, text: string) =>
  sql`lower(${column}) like ${likePattern(text.toLowerCase())}`;
const fullName = sql`(coalesce(${member.givenName}, '') || ' ' || coalesce(${member.familyName}, ''))`;

/** Whether a search text is an email or phone number, which only contact-data readers may search by. */
export function isContactQuery(text: string): boolean {
  return text.includes('@') || phoneSearchDigits(text) !== null;
}

/**
 * A whole email address or phone number is looked up by equality on its b-tree index; only
 * fragments scan the trigram indexes. A whole address's trigrams ("mem", "gma", ".co") are
 * shared by most addresses, and their posting lists cost about 150 ms at 1,000,000 members.
 */
function contactMatch(text: string): SQL | undefined {
  const digits = phoneSearchDigits(text);
  const e164 = digits ? normalisePhone(text) : null;
  const email = normalizeEmail(text);
  return or(
    emailSchema.safeParse(email).success ? sql`lower(${member.email}) = ${email}` : lowerLike(member.email, text),
    e164 ? eq(member.phoneE164, e164) : digits ? sql`${member.phoneE164} like ${likePattern(digits)}` : undefined,
  );
}

/**
 * The list's conditions. `mayReadPii` widens a text query to the given and
 * family names, email and phone; without it the query matches the display
 * name only, so the list cannot confirm contact data it would not show.
 */
function filterSql(filter: MemberFilter | null | undefined, mayReadPii: boolean): SQL | undefined {
  // Archived members leave the list but stay resolvable by id for the orders that name them.
  const conditions: (SQL | undefined)[] = [isNull(member.archivedAt)];
  if (filter?.tier?.length) conditions.push(inArray(member.tier, filter.tier));
  if (filter?.channel?.length) conditions.push(inArray(member.acquisitionChannel, filter.channel));
  if (filter?.tag?.trim()) conditions.push(sql`${member.tags} @> array[${filter.tag.trim()}]::text[]`);
  if (filter?.consent) {
    conditions.push(sql`exists (select 1 from ${memberConsent} c where c.member_id = ${member.id}
      and c.channel = ${filter.consent} and c.granted)`);
  }
  if (filter?.createdFrom) conditions.push(gte(member.createdAt, filter.createdFrom));
  if (filter?.createdTo) conditions.push(lt(member.createdAt, filter.createdTo));
  if (filter?.disabled != null) conditions.push(filter.disabled ? isNotNull(member.disabledAt) : isNull(member.disabledAt));
  const text = filter?.query?.trim();
  if (text) {
    conditions.push(
      mayReadPii
        ? or(lowerLike(member.displayName, text), lowerLike(fullName, text), contactMatch(text))
        : lowerLike(member.displayName, text),
    );
  }
  const contact = filter?.contact?.trim();
  if (contact) conditions.push(contactMatch(contact));
  return and(...conditions);
}

/**
 * totalCount counts at most this many members: an exact count reads every matching row
 * (0.1–0.5 s per page at 1,000,000 members), a capped one at most this many (about 15 ms).
 */
export const MEMBER_COUNT_CAP = 1000;

/**
 * One keyset page of active (non-archived) members. `tx` may be the pool; the
 * count runs only when the client asks for totalCount, and stops at
 * MEMBER_COUNT_CAP + 1, so a count above the cap means "more than the cap".
 */
export async function listMembers(
  tx: Db,
  args: ConnectionArgs & { filter?: MemberFilter | null; sortKey?: MemberSortKey | null; reverse?: boolean | null },
  mayReadPii = false,
) {
  const sortKey = args.sortKey ?? 'CREATED_AT';
  const byName = sortKey === 'DISPLAY_NAME';
  const filter = filterSql(args.filter, mayReadPii);
  return connectionOf(args, {
    sort: byName ? member.displayName : member.createdAt,
    id: member.id,
    // Newest first by default; names A to Z.
    descending: !byName !== Boolean(args.reverse),
    filter,
    rows: (page) => tx.select(memberColumns).from(member).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: byName ? row.displayName : row.createdAt.toISOString(), id: row.id }),
    count: async () => {
      const matches = tx.select({ id: member.id }).from(member).where(filter).limit(MEMBER_COUNT_CAP + 1).as('matches');
      return (await tx.select({ n: count() }).from(matches))[0]!.n;
    },
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

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Unicode local parts and domains (สมชาย@example.test, 王@例子.中国), but a dotted domain.
const emailSchema = z.email({ pattern: z.regexes.unicodeEmail }).max(254).regex(/@[^@]+\.[^@.]+$/);
const isoDate = z.iso.date();
const MAX_NAME = 100;
const MAX_NOTES = 5000;
export const TAG_LIMITS = { max: 40, count: 30 } as const;

/** The profile fields staff and customers may set; undefined leaves a field as it is, null clears it. */
export interface ProfileInput {
  displayName?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  email?: string | null;
  phone?: string | null;
  birthday?: string | null;
  gender?: MemberGender | null;
  locale?: MemberLocale | null;
  acquisitionChannel?: AcquisitionChannel | null;
  notes?: string | null;
}

type ProfileValues = Partial<Pick<MemberRow,
  'displayName' | 'givenName' | 'familyName' | 'email' | 'phone' | 'phoneE164' | 'birthday' | 'gender' | 'locale' | 'acquisitionChannel' | 'notes'>>;

/** Length in code points, not UTF-16 units (an emoji or a rare Chinese character counts once). */
export const graphemeLength = (text: string) => [...text].length;

/**
 * Checks a profile input and turns it into column values: names trimmed (any
 * script), email lower-cased, phone kept as typed beside its E.164 form.
 * Collects every mistake so a form shows them all at once.
 */
export function profileValues(input: ProfileInput, today: string = new Date().toISOString().slice(0, 10)): MemberResult<ProfileValues> {
  const errors: MemberError[] = [];
  const values: ProfileValues = {};
  const field = (name: string) => ['input', name];
  if (input.displayName !== undefined) {
    const name = input.displayName?.trim() ?? '';
    if (!name || graphemeLength(name) > MAX_NAME) errors.push(memberError('INVALID_NAME', field('displayName'), { max: MAX_NAME }));
    values.displayName = name;
  }
  for (const key of ['givenName', 'familyName'] as const) {
    if (input[key] === undefined) continue;
    const name = input[key]?.trim() || null;
    if (name && graphemeLength(name) > MAX_NAME) errors.push(memberError('INVALID_NAME', field(key), { max: MAX_NAME }));
    values[key] = name;
  }
  if (input.email !== undefined) {
    const email = normalizeEmail(input.email ?? '');
    if (!emailSchema.safeParse(email).success) errors.push(memberError('INVALID_EMAIL', field('email')));
    values.email = email;
  }
  if (input.phone !== undefined) {
    const phone = input.phone?.trim() || null;
    const e164 = phone ? normalisePhone(phone) : null;
    if (phone && !e164) errors.push(memberError('INVALID_PHONE', field('phone')));
    values.phone = phone;
    values.phoneE164 = e164;
  }
  if (input.birthday !== undefined) {
    const birthday = input.birthday?.trim() || null;
    if (birthday && (!isoDate.safeParse(birthday).success || birthday >= today || birthday < '1900-01-01')) {
      errors.push(memberError('INVALID_BIRTHDAY', field('birthday')));
    }
    values.birthday = birthday;
  }
  if (input.notes !== undefined) {
    const notes = input.notes?.trim() || null;
    if (notes && graphemeLength(notes) > MAX_NOTES) errors.push(memberError('INVALID_TEXT', field('notes'), { max: MAX_NOTES }));
    values.notes = notes;
  }
  if (input.gender !== undefined) values.gender = input.gender;
  if (input.locale !== undefined) values.locale = input.locale;
  if (input.acquisitionChannel !== undefined) values.acquisitionChannel = input.acquisitionChannel;
  return errors.length ? { ok: false, errors } : ok(values);
}

/**
 * What a change record keeps of a member: its API fields, whose contact data
 * the audit log redacts by coordinate (SENSITIVE_RECORD_FIELDS). The E.164
 * copy of the phone is left out: it is no API field, so nothing would redact it.
 */
const auditedFields = (row: Member): Record<string, unknown> => {
  const { id: _id, createdAt: _c, updatedAt: _u, phoneE164: _e164, ...rest } = row;
  return rest;
};

/** The member row locked for a write, or null when the id names none. `tx` is the caller's transaction. */
export async function lockMember(tx: Db, id: string): Promise<Member | null> {
  if (!isId(id)) return null;
  const [row] = await tx.select(memberColumns).from(member).where(eq(member.id, id)).for('update');
  return row ?? null;
}

/** A member a staff write may change: it exists and was not merged away. */
async function writableMember(tx: Db, id: string, field: string[]): Promise<MemberResult<Member>> {
  const row = await lockMember(tx, id);
  if (!row) return memberFail('MEMBER_NOT_FOUND', field);
  if (row.mergedIntoId) return memberFail('MEMBER_MERGED', field);
  return ok(row);
}

/**
 * Creates a member without a storefront account (staff at a till or on the
 * phone); the email is unique whatever its case (EMAIL_TAKEN). `tx` is the
 * mutation's transaction.
 */
export async function createMember(tx: Db, input: ProfileInput & { displayName: string; email: string; tags?: string[] | null }, changes: ChangeRecord[]): Promise<MemberResult<Member>> {
  const values = profileValues(input);
  const tags = input.tags ? checkTags(input.tags) : ok([]);
  if (!values.ok || !tags.ok) return { ok: false, errors: [...(values.ok ? [] : values.errors), ...(tags.ok ? [] : tags.errors)] };
  const [row] = await tx
    .insert(member)
    .values({ ...values.value, displayName: values.value.displayName!, email: values.value.email!, tags: tags.value })
    .onConflictDoNothing()
    .returning(memberColumns);
  if (!row) return memberFail('EMAIL_TAKEN', ['input', 'email']);
  await queueSegmentsRefresh(tx);
  changes.push({ entity: 'Member', id: row.id, before: {}, after: auditedFields(row) });
  return ok(row);
}

/** Changes a member's profile fields given in `input`; EMAIL_TAKEN when the new email is another member's. */
export async function updateMember(tx: Db, id: string, input: ProfileInput, changes: ChangeRecord[]): Promise<MemberResult<Member>> {
  const found = await writableMember(tx, id, ['input', 'id']);
  if (!found.ok) return found;
  const values = profileValues(input);
  if (!values.ok) return values;
  if (values.value.email && values.value.email !== found.value.email) {
    const [taken] = await tx.select({ id: member.id }).from(member).where(sql`lower(${member.email}) = ${values.value.email}`);
    if (taken) return memberFail('EMAIL_TAKEN', ['input', 'email']);
  }
  const [row] = await tx
    .update(member)
    .set({ ...values.value, updatedAt: new Date() })
    .where(eq(member.id, id))
    .returning(memberColumns);
  const change = changeOf('Member', id, auditedFields(found.value), auditedFields(row!));
  if (change) {
    changes.push(change);
    await queueSegmentsRefresh(tx);
  }
  return ok(row!);
}

/** Trimmed, distinct tags, each 1–40 characters, at most 30. */
export function checkTags(tags: string[]): MemberResult<string[]> {
  const clean = [...new Set(tags.map((t) => t.trim()))];
  const bad = clean.length > TAG_LIMITS.count || clean.some((t) => !t || graphemeLength(t) > TAG_LIMITS.max);
  return bad ? memberFail('INVALID_TAG', ['input', 'tags'], { ...TAG_LIMITS }) : ok(clean);
}

/** Replaces a member's manual tags. */
export async function setMemberTags(tx: Db, id: string, tags: string[], changes: ChangeRecord[]): Promise<MemberResult<Member>> {
  const found = await writableMember(tx, id, ['input', 'id']);
  if (!found.ok) return found;
  const checked = checkTags(tags);
  if (!checked.ok) return checked;
  const [row] = await tx.update(member).set({ tags: checked.value, updatedAt: new Date() }).where(eq(member.id, id)).returning(memberColumns);
  const change = changeOf('Member', id, { tags: found.value.tags }, { tags: row!.tags });
  if (change) {
    changes.push(change);
    await queueSegmentsRefresh(tx);
  }
  return ok(row!);
}

/**
 * Disables a member: they cannot sign in and every open session ends in the
 * same transaction. Disabling a disabled member changes nothing.
 */
export async function disableMember(tx: Db, id: string, changes: ChangeRecord[]): Promise<MemberResult<Member>> {
  const found = await writableMember(tx, id, ['input', 'id']);
  if (!found.ok) return found;
  if (found.value.disabledAt) return ok(found.value);
  await endSessions(tx, id);
  const [row] = await tx.update(member).set({ disabledAt: new Date(), updatedAt: new Date() }).where(eq(member.id, id)).returning(memberColumns);
  await queueSegmentsRefresh(tx);
  changes.push({ entity: 'Member', id, before: { disabled: false }, after: { disabled: true } });
  return ok(row!);
}

/** Enables a disabled member again (they sign in anew; ended sessions stay ended). A merged member stays disabled. */
export async function enableMember(tx: Db, id: string, changes: ChangeRecord[]): Promise<MemberResult<Member>> {
  const found = await writableMember(tx, id, ['input', 'id']);
  if (!found.ok) return found;
  if (!found.value.disabledAt) return ok(found.value);
  const [row] = await tx.update(member).set({ disabledAt: null, updatedAt: new Date() }).where(eq(member.id, id)).returning(memberColumns);
  await queueSegmentsRefresh(tx);
  changes.push({ entity: 'Member', id, before: { disabled: true }, after: { disabled: false } });
  return ok(row!);
}

/** Ends every open storefront session of a member, optionally but one (the caller's own). */
export async function endSessions(tx: Db, memberId: string, keepSessionId?: string): Promise<number> {
  const ended = await tx
    .update(customerSession)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(customerSession.memberId, memberId),
        isNull(customerSession.revokedAt),
        keepSessionId ? sql`${customerSession.id} <> ${keepSessionId}` : undefined,
      ),
    )
    .returning({ id: customerSession.id });
  return ended.length;
}

/**
 * Whether a member's last-seen time is older than a minute: customer requests
 * mark it only then, so a busy member costs one write a minute, not one a request.
 */
export const lastSeenStale = sql`(${member.lastSeenAt} is null or ${member.lastSeenAt} < now() - interval '1 minute')`;
