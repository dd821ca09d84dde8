// Who sees a saved report: its author and staff holding a role it is shared with (the row rule every read applies).
import { and, sql, type SQL } from 'drizzle-orm';
import { anyId, type Db, type Principal } from '@shop/kit';
import { savedReport, type SavedReportRow } from './tables.js';

/** Rows the principal sees: staff see their own and those shared with a role they hold; nobody else sees any. */
export function visibleTo(principal: Principal): SQL {
  if (principal.kind !== 'staff') return sql`false`;
  return sql`(${savedReport.createdBy} = ${principal.staffId} or ${savedReport.sharedWithRoles} && ${sql.param(principal.roles)}::text[])`;
}

/** The saved reports of `ids` the principal sees (the loader's batch). */
export function savedReportsByIds(db: Db, principal: Principal, ids: readonly string[]): Promise<SavedReportRow[]> {
  return db.select().from(savedReport).where(and(anyId(savedReport.id, ids), visibleTo(principal)));
}
