// The members subgraph: schema, resolvers, loaders, permissions and background tasks put together.
import { defineSubgraph } from '@shop/kit';
import { createLoaders } from './loaders.js';
import { EXPIRE_POINTS, REEVALUATE_TIERS, expirePointsTask, reevaluateTiersTask } from './loyalty/index.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';
import { REFRESH_SEGMENT, REFRESH_SEGMENTS, refreshingSegmentsAfter, refreshSegmentTask, refreshSegmentsTask } from './segments/index.js';
import { ORDER_FACT_TASK, ORDER_FACTS_TASK, orderFactTask, orderFactsTask, requestOrderFactsBackfill } from './statistics/index.js';

export const members = defineSubgraph({
  name: 'members',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: {
    [REEVALUATE_TIERS]: reevaluateTiersTask,
    [EXPIRE_POINTS]: expirePointsTask,
    // Order facts move members in and out of segments: each fact task is followed by a coalesced refresh.
    [ORDER_FACT_TASK]: refreshingSegmentsAfter(orderFactTask),
    [ORDER_FACTS_TASK]: refreshingSegmentsAfter(orderFactsTask),
    [REFRESH_SEGMENT]: refreshSegmentTask,
    [REFRESH_SEGMENTS]: refreshSegmentsTask,
  },
  afterMigrate: requestOrderFactsBackfill,
});
