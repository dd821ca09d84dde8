// The reports subgraph: schema, resolvers, loaders, permissions and tasks put together.
import { defineSubgraph } from '@shop/kit';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';
import { recordOrder, recordOrders, recordRefund, recordTraffic } from './facts/index.js';
import { ROLLUP_DAY_TASK, rollupDay } from './rollups/index.js';

export const reports = defineSubgraph({
  name: 'reports',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: {
    // A malformed payload throws (zod), so the job stays failed and visible instead of writing a bad fact.
    'reports.recordOrder': (payload, db) => recordOrder(db, payload),
    'reports.recordOrders': (payload, db) => recordOrders(db, payload),
    'reports.recordRefund': (payload, db) => recordRefund(db, payload),
    'reports.recordTraffic': (payload, db) => recordTraffic(db, payload),
    [ROLLUP_DAY_TASK]: (payload, db) => rollupDay(db, payload),
  },
});
