// Segment refresh jobs by name, in a leaf module: the member writes that move people in and out queue
// a refresh without importing the segments service (which imports theirs).
import type { Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';

export const REFRESH_SEGMENT = 'members.refreshSegment';
export const REFRESH_SEGMENTS = 'members.refreshSegments';

/**
 * Queues a refresh of every active segment in the caller's transaction, after
 * a write that may move members in or out (orders, profile, tags, consents,
 * addresses, tiers). The job key coalesces a burst of writes into one pending
 * refresh; a write during a running refresh queues the next one.
 */
export function queueSegmentsRefresh(tx: Db): Promise<void> {
  return enqueue(tx, REFRESH_SEGMENTS, {}, { jobKey: REFRESH_SEGMENTS });
}

/** Queues one segment's refresh (after its rules changed), coalesced per segment. */
export function queueSegmentRefresh(tx: Db, segmentId: string): Promise<void> {
  return enqueue(tx, REFRESH_SEGMENT, { segmentId }, { jobKey: `${REFRESH_SEGMENT}:${segmentId}` });
}
