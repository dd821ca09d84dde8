// The members subgraph: schema, resolvers, loaders, permissions and background tasks put together.
import { defineSubgraph } from '@shop/kit';
import { createLoaders } from './loaders.js';
import { EXPIRE_POINTS, REEVALUATE_TIERS, expirePointsTask, reevaluateTiersTask } from './loyalty/index.js';
import { permissions } from './permissions.js';
import { RECOMPUTE_RECOMMENDATIONS, recomputeRecommendationsTask } from './recommendations/index.js';
import { resolvers } from './resolvers.js';
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
    [ORDER_FACT_TASK]: orderFactTask,
    [ORDER_FACTS_TASK]: orderFactsTask,
    [RECOMPUTE_RECOMMENDATIONS]: recomputeRecommendationsTask,
  },
  afterMigrate: requestOrderFactsBackfill,
});
