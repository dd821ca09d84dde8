// The members subgraph: schema, resolvers, loaders, permissions and background tasks put together.
import { defineSubgraph } from '@shop/kit';
import { dailyAtShopTime } from '@shop/kit/shop-time';
import { createLoaders } from './loaders.js';
import {
  BIRTHDAY_POINTS,
  EARN_POINTS_FOR_ORDER,
  EXPIRE_POINTS,
  REEVALUATE_TIERS,
  birthdayPointsTask,
  earnPointsForOrderTask,
  expirePointsTask,
  reevaluateTiersTask,
} from './loyalty/index.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';

export const members = defineSubgraph({
  name: 'members',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: {
    [REEVALUATE_TIERS]: reevaluateTiersTask,
    [EXPIRE_POINTS]: expirePointsTask,
    [EARN_POINTS_FOR_ORDER]: earnPointsForOrderTask,
    [BIRTHDAY_POINTS]: birthdayPointsTask,
  },
  // Daily, at quiet hours of the shop's day; each task is keyed by the shop's date, so a rerun adds nothing.
  schedules: [
    { task: BIRTHDAY_POINTS, cron: dailyAtShopTime('00:05') },
    { task: EXPIRE_POINTS, cron: dailyAtShopTime('00:30') },
    { task: REEVALUATE_TIERS, cron: dailyAtShopTime('02:00') },
  ],
});
