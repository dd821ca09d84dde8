// What the rest of members imports for userErrors.
export {
  eventError,
  loyaltyError,
  loyaltyFail,
  MEMBERS_CATALOGUE,
  memberError,
  memberFail,
  segmentError,
  segmentFail,
  type EventError,
  type EventErrorCode,
  type MemberError,
  type MemberErrorCode,
  type MemberResult,
  type SegmentError,
  type SegmentErrorCode,
  type SegmentResult,
} from './codes.js';
