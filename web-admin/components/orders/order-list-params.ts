import {
  isOrderChannel,
  isOrderSortKey,
  isOrderStatus,
  isPaymentState,
  type OrderChannel,
  type OrderPaymentState,
  type OrderSortKey,
  type OrderStatus,
} from './order-enums';

/**
 * The orders list's state as it lives in the URL, so that a view can be bookmarked,
 * shared and saved: `?status=PAID,FULFILLING&channel=…&from=2025-01-01&to=…&min=…&max=…
 * &pay=UNPAID&tag=vip&flagged=1&q=…&sort=TOTAL&reverse=1`. Paging cursors come on top.
 */
export interface OrderListState {
  status: OrderStatus[];
  channel: OrderChannel[];
  /** Calendar days (YYYY-MM-DD), both included. */
  from: string | null;
  to: string | null;
  /** Decimal amounts in the shop's currency. */
  min: string | null;
  max: string | null;
  pay: OrderPaymentState[];
  tag: string | null;
  flagged: boolean | null;
  q: string | null;
  sort: OrderSortKey;
  reverse: boolean;
}

const day = /^\d{4}-\d{2}-\d{2}$/;
const amount = /^\d+(\.\d+)?$/;

type Params = { get(name: string): string | null };

const list = <T extends string>(text: string | null, valid: (value: unknown) => value is T): T[] =>
  (text ?? '').split(',').filter(valid);

const matching = (text: string | null, pattern: RegExp) => (text && pattern.test(text) ? text : null);

/** Reads the state from search parameters; anything malformed is left out rather than sent. */
export function readListState(params: Params): OrderListState {
  const flagged = params.get('flagged');
  const sort = params.get('sort');
  return {
    status: list(params.get('status'), isOrderStatus),
    channel: list(params.get('channel'), isOrderChannel),
    from: matching(params.get('from'), day),
    to: matching(params.get('to'), day),
    min: matching(params.get('min')?.trim() ?? null, amount),
    max: matching(params.get('max')?.trim() ?? null, amount),
    pay: list(params.get('pay'), isPaymentState),
    tag: params.get('tag')?.trim() || null,
    flagged: flagged === '1' ? true : flagged === '0' ? false : null,
    q: params.get('q')?.trim() || null,
    sort: isOrderSortKey(sort) ? sort : 'CREATED_AT',
    reverse: params.get('reverse') === '1',
  };
}

/** The state as search parameters (defaults left out), without paging cursors. */
export function listStateParams(state: OrderListState): Record<string, string | null> {
  const joined = (values: readonly string[]) => (values.length ? values.join(',') : null);
  return {
    status: joined(state.status),
    channel: joined(state.channel),
    from: state.from,
    to: state.to,
    min: state.min,
    max: state.max,
    pay: joined(state.pay),
    tag: state.tag,
    flagged: state.flagged === null ? null : state.flagged ? '1' : '0',
    q: state.q,
    sort: state.sort === 'CREATED_AT' ? null : state.sort,
    reverse: state.reverse ? '1' : null,
  };
}

/** `?a=1&b=2` of the non-empty entries; `?` alone when there is none. */
export function queryString(entries: Record<string, string | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(entries)) if (value) search.set(name, value);
  return `?${search.toString()}`;
}

/** Adapts a Next.js `searchParams` object to `readListState`. */
export function paramsOf(searchParams: Record<string, string | string[] | undefined>): Params {
  return {
    get(name) {
      const value = searchParams[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}
