// The access subgraph: schema, resolvers, loaders and permissions put together.
import { defineSubgraph } from '@shop/kit';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';
import { DELIVER_TASK, deliverOnce, FAN_OUT_TASK, fanOutEvent } from './webhooks/index.js';

export const access = defineSubgraph({
  name: 'access',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: {
    [FAN_OUT_TASK]: async (payload, db) => {
      await fanOutEvent(db, payload);
    },
    [DELIVER_TASK]: (payload, db) => deliverOnce(db, payload),
  },
});
