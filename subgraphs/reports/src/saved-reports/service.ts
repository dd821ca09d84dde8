// Saved reports: who sees which (the author and holders of a shared role), and saving, changing, deleting them.
import { and, eq, sql } from 'drizzle-orm';
import { existingRoleNames } from '@shop/access/commands';
import { changeOf, connectionOf, fail, isId, ok, type ChangeRecord, type ConnectionArgs, type Db, type Principal, type Result } from '@shop/kit';
import { parseDefinition, type DefinitionErrorCode } from './definition.js';
import { savedReport, type SavedReportRow } from './tables.js';
import { visibleTo } from './visibility.js';

export type SavedReportErrorCode = DefinitionErrorCode | 'NOT_FOUND' | 'NAME_INVALID' | 'ROLE_UNKNOWN';


/** The principal's saved reports, newest first, as a connection. `db` may be the pool. */
export function savedReportsOf(db: Db, principal: Principal, args: ConnectionArgs) {
  const filter = visibleTo(principal);
  return connectionOf(args, {
    sort: savedReport.createdAt,
    id: savedReport.id,
    descending: true,
    filter,
    rows: ({ where, orderBy, limit }) => db.select().from(savedReport).where(where).orderBy(...orderBy).limit(limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: sql<number>`count(*)::int` }).from(savedReport).where(filter))[0]!.n,
  });
}


const MAX_NAME = 120;

async function checkedRoles(tx: Db, roles: readonly string[] | null | undefined): Promise<Result<string[], 'ROLE_UNKNOWN'>> {
  const wanted = [...new Set(roles ?? [])];
  const known = new Set(await existingRoleNames(tx, wanted));
  const unknown = wanted.find((name) => !known.has(name));
  // The unknown name is not echoed: it is the caller's free text.
  return unknown === undefined ? ok(wanted) : fail('ROLE_UNKNOWN', 'A role name is not one of the shop’s roles.', ['sharedWithRoles', String(wanted.indexOf(unknown))]);
}

function checkedName(name: string): Result<string, 'NAME_INVALID'> {
  const trimmed = name.trim();
  return trimmed && [...trimmed].length <= MAX_NAME ? ok(trimmed) : fail('NAME_INVALID', `A name has 1 to ${MAX_NAME} characters.`, ['name']);
}

export interface SavedReportInput {
  name: string;
  definition: unknown;
  sharedWithRoles?: string[] | null;
}

/** Saves a definition for the staff principal. `tx` is the mutation's transaction. */
export async function savedReportCreate(tx: Db, principal: Principal, input: SavedReportInput): Promise<Result<SavedReportRow, SavedReportErrorCode>> {
  if (principal.kind !== 'staff') return fail('NOT_FOUND', 'Saved reports belong to staff.', []);
  const name = checkedName(input.name);
  if (!name.ok) return name;
  const definition = parseDefinition(input.definition, principal);
  if (!definition.ok) return definition;
  const roles = await checkedRoles(tx, input.sharedWithRoles);
  if (!roles.ok) return roles;
  const [row] = await tx.insert(savedReport).values({ name: name.value, definition: definition.value, sharedWithRoles: roles.value, createdBy: principal.staffId }).returning();
  return ok(row!);
}

/** Changes what the input gives of a report the principal sees; records the change for the audit row. */
export async function savedReportUpdate(
  tx: Db,
  principal: Principal,
  input: { id: string; name?: string | null; definition?: unknown; sharedWithRoles?: string[] | null },
  changes: ChangeRecord[],
): Promise<Result<SavedReportRow, SavedReportErrorCode>> {
  const [before] = isId(input.id) ? await tx.select().from(savedReport).where(and(eq(savedReport.id, input.id), visibleTo(principal))).for('update') : [];
  if (!before) return fail('NOT_FOUND', 'No saved report you may see has this id.', ['id']);
  const set: Partial<typeof savedReport.$inferInsert> = { updatedAt: new Date() };
  if (input.name != null) {
    const name = checkedName(input.name);
    if (!name.ok) return name;
    set.name = name.value;
  }
  if (input.definition != null) {
    const definition = parseDefinition(input.definition, principal);
    if (!definition.ok) return definition;
    set.definition = definition.value;
  }
  if (input.sharedWithRoles != null) {
    const roles = await checkedRoles(tx, input.sharedWithRoles);
    if (!roles.ok) return roles;
    set.sharedWithRoles = roles.value;
  }
  const [after] = await tx.update(savedReport).set(set).where(eq(savedReport.id, before.id)).returning();
  const change = changeOf('SavedReport', before.id, before, after!);
  if (change) changes.push(change);
  return ok(after!);
}

/** Deletes a report the principal sees; its schedules and their deliveries go with it (foreign keys cascade). */
export async function savedReportDelete(tx: Db, principal: Principal, input: { id: string }): Promise<Result<string, SavedReportErrorCode>> {
  if (!isId(input.id)) return fail('NOT_FOUND', 'No saved report you may see has this id.', ['id']);
  const [deleted] = await tx.delete(savedReport).where(and(eq(savedReport.id, input.id), visibleTo(principal))).returning({ id: savedReport.id });
  return deleted ? ok(deleted.id) : fail('NOT_FOUND', 'No saved report you may see has this id.', ['id']);
}
