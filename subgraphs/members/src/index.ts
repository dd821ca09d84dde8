// The members subgraph: schema, resolvers, loaders, permissions and background tasks put together.
import { defineSubgraph } from '@shop/kit';
import { SUMMARISE_EVENTS, summariseEventsTask } from './events/index.js';
import { createLoaders } from './loaders.js';
import { EXPIRE_POINTS, REEVALUATE_TIERS, expirePointsTask, reevaluateTiersTask } from './loyalty/index.js';
import { NOTIFY_TASK, notifyTask } from './notifications/index.js';
import { SEND_PASSWORD_RESET_TASK, sendPasswordResetTask } from './password-reset/index.js';
import { permissions } from './permissions.js';
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
    [NOTIFY_TASK]: notifyTask,
    [SEND_PASSWORD_RESET_TASK]: sendPasswordResetTask,
    [SUMMARISE_EVENTS]: summariseEventsTask,
    [ORDER_FACT_TASK]: orderFactTask,
    [ORDER_FACTS_TASK]: orderFactsTask,
  },
  afterMigrate: requestOrderFactsBackfill,
});
