// What the rest of orders uses of member merges.
export { MEMBER_MERGED_TASK, memberMerged, reassignMemberOrders } from './service.js';
