// The members subgraph: schema, resolvers, loaders, permissions and background tasks put together.
import { defineSubgraph } from '@shop/kit';
import { SUMMARISE_EVENTS, summariseEventsTask } from './events/index.js';
import { createLoaders } from './loaders.js';
import { NOTIFY_ON_EVENT_TASK, NOTIFY_TASK, notifyOnEventTask, notifyTask } from './notifications/index.js';
import { SEND_PASSWORD_RESET_TASK, sendPasswordResetTask } from './password-reset/index.js';
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
import { privacyTasks } from './privacy/index.js';
import { RECOMPUTE_RECOMMENDATIONS, recomputeRecommendationsTask } from './recommendations/index.js';
import { resolvers } from './resolvers.js';
import { REFRESH_SEGMENT, REFRESH_SEGMENTS, refreshingSegmentsAfter, refreshSegmentTask, refreshSegmentsTask } from './segments/index.js';
import { ORDER_FACT_TASK, ORDER_FACTS_TASK, orderFactTask, orderFactsTask, requestOrderFactsBackfill } from './statistics/index.js';
import { WIN_BACK, winBackTask } from './win-back/index.js';

export const members = defineSubgraph({
  name: 'members',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: {
    [REEVALUATE_TIERS]: reevaluateTiersTask,
    [EXPIRE_POINTS]: expirePointsTask,
    [NOTIFY_TASK]: notifyTask,
    [NOTIFY_ON_EVENT_TASK]: notifyOnEventTask,
    [SEND_PASSWORD_RESET_TASK]: sendPasswordResetTask,
    [SUMMARISE_EVENTS]: summariseEventsTask,
    [EARN_POINTS_FOR_ORDER]: earnPointsForOrderTask,
    [BIRTHDAY_POINTS]: birthdayPointsTask,
    ...privacyTasks,
    [RECOMPUTE_RECOMMENDATIONS]: recomputeRecommendationsTask,
    // Order facts move members in and out of segments: each fact task is followed by a coalesced refresh.
    [ORDER_FACT_TASK]: refreshingSegmentsAfter(orderFactTask),
    [ORDER_FACTS_TASK]: refreshingSegmentsAfter(orderFactsTask),
    [REFRESH_SEGMENT]: refreshSegmentTask,
    [REFRESH_SEGMENTS]: refreshSegmentsTask,
    [WIN_BACK]: winBackTask,
  },
  afterMigrate: requestOrderFactsBackfill,
  // Daily, at quiet hours of the shop's day; each task is keyed by the shop's date, so a rerun adds nothing.
  schedules: [
    { task: BIRTHDAY_POINTS, atShopTime: '00:05' },
    { task: EXPIRE_POINTS, atShopTime: '00:30' },
    { task: REEVALUATE_TIERS, atShopTime: '02:00' },
    { task: RECOMPUTE_RECOMMENDATIONS, atShopTime: '03:00' },
    // In the shop's morning, when a message is read.
    { task: WIN_BACK, atShopTime: '10:00' },
    // Hourly: rules such as "last order more than N days ago" change with the clock, not only with data.
    { task: REFRESH_SEGMENTS, cron: '0 * * * *' },
  ],
});
