// What the rest of coupons uses of group buys: the rule source, the commands orders calls, the tasks. Domain code only.
export { groupBuySource } from './source.js';
export { placePaid, releasePlace, GROUP_BUY_FAILED_TASK, GROUP_BUY_SUCCEEDED_TASK } from './places.js';
export { expireDueGroups, groupBuyExpireTask, groupBuySchedules, groupBuyTasks } from './jobs.js';
export { groupBuyGroup, groupBuyPlace } from './tables.js';
