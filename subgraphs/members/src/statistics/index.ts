// What the rest of members uses of purchase statistics: the order-fact task and carrying facts on a merge.
export { carryOrderFacts, ORDER_FACT_TASK, orderFactTask, UNCOUNTED_STATUSES } from './service.js';
export { memberOrder, memberStatistics, type MemberOrderRow, type MemberStatisticsRow } from './tables.js';
