// Behaviour events: storefronts report views, adds to cart and searches in batches; the log is append-only.
import { ok, type Db, type Result } from '@shop/kit';
import { checkEvent, deviceIdError, EVENT_LIMITS, isDeviceId, type CheckedEvent, type EventInput } from './checks.js';
import { eventError, type EventError, type EventErrorCode } from './errors.js';
import { enqueueSummary } from './summaries.js';
import { behaviourEvent } from './tables.js';
import { enqueueTraffic } from './traffic.js';

export interface EventsTrackInput {
  deviceId: string;
  events: EventInput[];
}

/** What a call did: how many events were stored, and why the others were refused. */
export interface EventsTracked {
  accepted: number;
  refused: EventError[];
}

/**
 * Stores a storefront's batch of events in one multi-row insert. The batch is refused whole for a malformed
 * device id or a size outside 1..100; otherwise each valid event is stored and each invalid one reported by its
 * path (`input.events.3.productId`), so one bad event does not lose the others. `memberId` is the customer
 * session's, null for an anonymous device. Enqueues the summary job (one pending job for any burst) and the
 * batch's traffic for reports.
 * `tx` is a transaction: the events and their summary job commit together.
 */
export async function trackEvents(
  tx: Db,
  memberId: string | null,
  input: EventsTrackInput,
  now = new Date(),
): Promise<Result<EventsTracked, EventErrorCode>> {
  if (!isDeviceId(input.deviceId)) return { ok: false, errors: [deviceIdError(['input', 'deviceId'])] };
  if (input.events.length === 0) return { ok: false, errors: [eventError('NO_EVENTS', ['input', 'events'])] };
  if (input.events.length > EVENT_LIMITS.perCall) {
    return { ok: false, errors: [eventError('TOO_MANY_EVENTS', ['input', 'events'], { max: EVENT_LIMITS.perCall })] };
  }
  const accepted: CheckedEvent[] = [];
  const refused: EventError[] = [];
  input.events.forEach((event, index) => {
    const checked = checkEvent(event, index, now);
    if (checked.event) accepted.push(checked.event);
    refused.push(...checked.errors);
  });
  if (accepted.length) {
    await tx.insert(behaviourEvent).values(accepted.map((event) => ({ ...event, deviceId: input.deviceId, memberId })));
    await enqueueSummary(tx);
    await enqueueTraffic(tx, memberId, input.deviceId, accepted);
  }
  return ok({ accepted: accepted.length, refused });
}
