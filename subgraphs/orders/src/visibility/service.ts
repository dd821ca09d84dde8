// What a caller may see of an order: internal history, contact data, flags and labels.
import type { Principal } from '@shop/kit';
import { mayRead } from '../../../../schema/data-classes.js';
import { RETURN_HISTORY_KINDS } from '../after-sales/kinds.js';
import type { FilterAccess } from '../service.js';
import type { OrderHistoryRow } from '../tables.js';

/**
 * Row rules of the data classes inside the orders subgraph. The gateway
 * enforces each class's rule on the fields; these decide what a row shows to
 * a caller who passed it through the self scope (a customer's own order or
 * cart), and keep the oracles (filters, search) to the same rules.
 */

/** Timeline entries a customer is shown: placement, status changes, payments and their requests' steps. Anything else is internal. */
const CUSTOMER_FACING_KINDS: ReadonlySet<string> = new Set(['PLACED', 'TRANSITION', 'PAYMENT', ...RETURN_HISTORY_KINDS]);

/** Whether the caller may read internal timeline entries (notes, tags, flags, holds). */
export const readsInternal = (principal: Principal) => mayRead('internalNotes', principal);

/** The entries of one order's timeline this caller may see. */
export function visibleHistory(rows: OrderHistoryRow[], principal: Principal): OrderHistoryRow[] {
  return readsInternal(principal) ? rows : rows.filter((row) => CUSTOMER_FACING_KINDS.has(row.kind));
}

/**
 * Whether the caller may read the contact data on a row bound to `memberId`:
 * with members:read_pii, or as that member. A guest cart's contact data is
 * never read back by a customer: its id is a bearer link that may have leaked.
 */
export function readsContact(principal: Principal, memberId: string | null): boolean {
  const own = principal.kind === 'customer' && memberId !== null && principal.memberId === memberId;
  return mayRead('pii', principal, { own });
}

/** Whether the caller may search orders by a recipient's name or phone number. */
export const searchesContact = (principal: Principal) => mayRead('pii', principal) || principal.kind === 'customer';

/** Whether the caller may filter orders by whether they were flagged. */
export const filtersByFlags = (principal: Principal) => mayRead('fraudSignals', principal);

/** Operators' labels on orders ("vip", "fraud-check") are internal: a customer is shown none and cannot filter by them. */
export const readsLabels = (principal: Principal) => principal.kind === 'staff' || principal.kind === 'partner';

/** What the caller's order filter may look at, as the order list decides it (batch runs and prints by filter too). */
export const filterAccessOf = (principal: Principal): FilterAccess => ({
  contactSearch: searchesContact(principal),
  flags: filtersByFlags(principal),
  tags: readsLabels(principal),
});
