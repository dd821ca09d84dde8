// The home dashboard entity that several domains extend with their tiles.
import type { Principal } from './context.js';

/** The id of the one dashboard a shop has. */
export const DASHBOARD_ID = 'shop';

export interface DashboardRef {
  id: string;
}

/**
 * A Dashboard reference as a domain resolves it: the dashboard for staff, null
 * for anyone else. `_entities` bypasses Query.dashboard's guard, so each domain
 * applies this rule itself; tile scopes are enforced at the gateway.
 */
export function dashboardReference(ref: DashboardRef, principal: Principal): DashboardRef | null {
  return principal.kind === 'staff' && ref.id === DASHBOARD_ID ? { id: DASHBOARD_ID } : null;
}
