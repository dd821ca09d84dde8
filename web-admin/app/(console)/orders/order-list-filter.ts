import type { OrderListState } from '@/components/orders/order-list-params';

import type { OrderFilter } from './orders.graphql';

/** The next calendar day of `YYYY-MM-DD`, for an inclusive "to" day as an exclusive bound. */
function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/**
 * The URL's list state as the API's filter (days are UTC calendar days); `flags` is whether the
 * viewer may filter by flags (a fraud signal, orders:read_internal).
 */
export function filterOf(state: OrderListState, flags: boolean): OrderFilter {
  const orNull = <T,>(values: T[]) => (values.length ? values : null);
  return {
    status: orNull(state.status),
    channel: orNull(state.channel),
    createdFrom: state.from ? `${state.from}T00:00:00.000Z` : null,
    createdTo: state.to ? dayAfter(state.to) : null,
    totalMin: state.min,
    totalMax: state.max,
    paymentState: orNull(state.pay),
    tag: state.tag,
    flagged: flags ? state.flagged : null,
    search: state.q,
  };
}
