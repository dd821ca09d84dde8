// What the rest of members uses of purchase statistics: the order-fact tasks and carrying facts on a merge.
export { requestOrderFactsBackfill } from './backfill.js';
export { ORDER_FACT_TASK, ORDER_FACTS_TASK, orderFactTask, orderFactsTask } from './jobs.js';
export { carryOrderFacts, UNCOUNTED_STATUSES } from './service.js';
export { memberOrder, memberStatistics, type MemberOrderRow, type MemberStatisticsRow } from './tables.js';
