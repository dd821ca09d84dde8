// The coupons subgraph: schema, resolvers, loaders, permissions and issuance, group-buy and privacy jobs put together.
import { defineSubgraph } from '@shop/kit';
import { groupBuySchedules, groupBuyTasks } from './group-buys/index.js';
import { GENERATE_CODES, generateCodesTask, ISSUE_TO_SEGMENT, issueToSegmentTask } from './issuance/index.js';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { privacyTasks } from './privacy/index.js';
import { resolvers } from './resolvers.js';

export const coupons = defineSubgraph({
  name: 'coupons',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: {
    ...groupBuyTasks,
    ...privacyTasks,
    [GENERATE_CODES]: generateCodesTask,
    [ISSUE_TO_SEGMENT]: issueToSegmentTask,
  },
  schedules: [...groupBuySchedules],
});
