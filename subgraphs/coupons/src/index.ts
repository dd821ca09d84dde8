// The coupons subgraph: schema, resolvers, loaders and permissions put together.
import { defineSubgraph } from '@shop/kit';
import { groupBuySchedules, groupBuyTasks } from './group-buys/index.js';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';

export const coupons = defineSubgraph({
  name: 'coupons',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: { ...groupBuyTasks },
  schedules: [...groupBuySchedules],
});
