// The order timeline entries of after-sales: a leaf, so visibility can list them without importing the service.
import type { ReturnRequestStatus } from './tables.js';

/** The timeline entry kind of each step (orders.timeline.kind in the console); customers see them on their order. */
export const HISTORY_KIND = {
  REQUESTED: 'RETURN_REQUESTED',
  APPROVED: 'RETURN_APPROVED',
  REJECTED: 'RETURN_REJECTED',
  RECEIVED: 'RETURN_RECEIVED',
  REFUNDED: 'RETURN_REFUNDED',
  EXCHANGED: 'RETURN_EXCHANGED',
  CLOSED: 'RETURN_CLOSED',
} as const satisfies Record<ReturnRequestStatus, string>;

export const RETURN_HISTORY_KINDS: readonly string[] = Object.values(HISTORY_KIND);
