// What the rest of members uses of segments: the refresh tasks, the commands other domains call, and the queueing of refreshes.
export { REFRESH_SEGMENT, REFRESH_SEGMENTS, queueSegmentsRefresh } from './queue.js';
export {
  isMemberInSegment,
  refreshingSegmentsAfter,
  refreshSegmentTask,
  refreshSegmentsTask,
  segmentIdByName,
  segmentMemberIds,
} from './service.js';
export { segment, segmentMember, type SegmentRow } from './tables.js';
