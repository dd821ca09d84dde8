// What eventsTrack accepts: the device id, the batch size and each event's fields, with errors by input path.
import { isId } from '@shop/kit';
import { eventError, type EventError } from '../errors/index.js';
import type { BehaviourEventType } from './tables.js';

export const EVENT_LIMITS = {
  perCall: 100,
  queryLength: 200,
  sourceLength: 100,
  campaignLength: 100,
  /** A device clock a little ahead is accepted as it is; further ahead, the time means nothing. */
  futureMinutes: 5,
  /** Storefronts flush queued events when they are back online; older ones are refused, not clamped. */
  maxAgeDays: 7,
} as const;

const DEVICE_ID = { min: 16, max: 64, pattern: /^[A-Za-z0-9_-]{16,64}$/ } as const;

export interface EventInput {
  type: BehaviourEventType;
  productId?: string | null;
  query?: string | null;
  source?: string | null;
  campaign?: string | null;
  occurredAt: Date;
}

/** An event ready to insert: trimmed texts, empty ones as null. */
export interface CheckedEvent {
  type: BehaviourEventType;
  productId: string | null;
  query: string | null;
  source: string | null;
  campaign: string | null;
  occurredAt: Date;
}

/** Whether a device id has the shape storefronts generate (a UUID or a random base64url token). */
export function isDeviceId(value: string): boolean {
  return DEVICE_ID.pattern.test(value);
}

export function deviceIdError(field: string[]): EventError {
  return eventError('INVALID_DEVICE_ID', field, { min: DEVICE_ID.min, max: DEVICE_ID.max });
}

/** Which fields each type needs: a view or an add to cart names its product, a search its text. */
const REQUIRED: Record<BehaviourEventType, 'productId' | 'query'> = {
  PRODUCT_VIEW: 'productId',
  ADD_TO_CART: 'productId',
  SEARCH: 'query',
};

const text = (value: string | null | undefined) => value?.trim() || null;

/** Checks one event; its errors carry the path input.events.<index>.<field>. */
export function checkEvent(event: EventInput, index: number, now: Date): { event: CheckedEvent | null; errors: EventError[] } {
  const path = (field: string) => ['input', 'events', String(index), field];
  const checked: CheckedEvent = {
    type: event.type,
    productId: text(event.productId),
    query: text(event.query),
    source: text(event.source),
    campaign: text(event.campaign),
    occurredAt: event.occurredAt,
  };
  const errors: EventError[] = [];
  const required = REQUIRED[event.type];
  if (!checked[required]) errors.push(eventError('REQUIRED', path(required), { type: event.type }));
  if (checked.productId && !isId(checked.productId)) errors.push(eventError('INVALID_PRODUCT_ID', path('productId')));
  const caps = { query: EVENT_LIMITS.queryLength, source: EVENT_LIMITS.sourceLength, campaign: EVENT_LIMITS.campaignLength };
  for (const [field, max] of Object.entries(caps) as [keyof typeof caps, number][]) {
    const value = checked[field];
    if (value && [...value].length > max) errors.push(eventError('TOO_LONG', path(field), { max }));
  }
  const ageMs = now.getTime() - event.occurredAt.getTime();
  if (ageMs < -EVENT_LIMITS.futureMinutes * 60_000) {
    errors.push(eventError('OCCURRED_IN_FUTURE', path('occurredAt'), { minutes: EVENT_LIMITS.futureMinutes }));
  } else if (ageMs > EVENT_LIMITS.maxAgeDays * 86_400_000) {
    errors.push(eventError('OCCURRED_TOO_LONG_AGO', path('occurredAt'), { days: EVENT_LIMITS.maxAgeDays }));
  }
  return { event: errors.length ? null : checked, errors };
}
