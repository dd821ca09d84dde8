import { anyId, type Db, type Principal } from '@shop/kit';
import { staff } from './tables.js';

export function staffByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(staff).where(anyId(staff.id, ids));
}

/**
 * The staff id behind a principal, or null when nobody is signed in. The switch
 * is exhaustive, so a new principal kind fails to compile until it is handled here.
 */
export function staffIdOf(principal: Principal): string | null {
  switch (principal.kind) {
    case 'staff':
      return principal.staffId;
    case 'anonymous':
    case 'customer':
    case 'partner':
      return null;
  }
}
