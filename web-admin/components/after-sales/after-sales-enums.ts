import type {
  ReturnDisposition,
  ReturnReasonCode,
  ReturnRequestCloseReason,
  ReturnRequestKind,
  ReturnRequestStatus,
} from '@/app/(console)/after-sales/after-sales.graphql';

/** Every value of the API's enums, in the order the console lists them (each has a translation under `afterSales`). */
export const REQUEST_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED', 'EXCHANGED', 'CLOSED'] as const satisfies readonly ReturnRequestStatus[];
export const REQUEST_KINDS = ['RETURN', 'REFUND_ONLY', 'EXCHANGE'] as const satisfies readonly ReturnRequestKind[];
export const REASONS = [
  'QUALITY_DEFECT',
  'WRONG_ITEM',
  'WRONG_SIZE',
  'DAMAGED_IN_TRANSIT',
  'NOT_AS_DESCRIBED',
  'CHANGED_MIND',
  'OTHER',
] as const satisfies readonly ReturnReasonCode[];
export const DISPOSITIONS = ['RESTOCK', 'WRITE_OFF'] as const satisfies readonly ReturnDisposition[];
export const CLOSE_REASONS = ['CUSTOMER_WITHDREW', 'NO_REPLY', 'OTHER'] as const satisfies readonly ReturnRequestCloseReason[];

/** Keeps only known values of a comma-separated address parameter. */
export function parseList<T extends string>(text: string | null, known: readonly T[]): T[] | null {
  const values = (text ?? '').split(',').filter((v): v is T => (known as readonly string[]).includes(v));
  return values.length ? values : null;
}

export const STATUS_COLORS: Record<ReturnRequestStatus, string> = {
  REQUESTED: 'gold',
  APPROVED: 'blue',
  REJECTED: 'red',
  RECEIVED: 'cyan',
  REFUNDED: 'green',
  EXCHANGED: 'purple',
  CLOSED: 'default',
};
