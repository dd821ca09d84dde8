import type { OrderChannel, OrderPaymentState, OrderStatus } from './order-enums';
import type { OrderListState } from './order-list-params';

/** The fields' values as the form holds them. */
export interface FilterValues {
  status: OrderStatus[];
  channel: OrderChannel[];
  from: string;
  to: string;
  min: string;
  max: string;
  pay: OrderPaymentState[];
  tag: string;
  flagged: '' | '1' | '0';
}

/** The URL's state as the fields' values. */
export const valuesOf = (state: OrderListState): FilterValues => ({
  status: state.status,
  channel: state.channel,
  from: state.from ?? '',
  to: state.to ?? '',
  min: state.min ?? '',
  max: state.max ?? '',
  pay: state.pay,
  tag: state.tag ?? '',
  flagged: state.flagged === null ? '' : state.flagged ? '1' : '0',
});

/** The state with the fields' values applied. */
export const stateWith = (state: OrderListState, v: FilterValues): OrderListState => ({
  ...state,
  status: v.status ?? [],
  channel: v.channel ?? [],
  from: v.from || null,
  to: v.to || null,
  min: v.min?.trim() || null,
  max: v.max?.trim() || null,
  pay: v.pay ?? [],
  tag: v.tag?.trim() || null,
  flagged: v.flagged === '1' ? true : v.flagged === '0' ? false : null,
});
