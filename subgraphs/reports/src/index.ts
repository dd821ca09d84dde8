// The reports subgraph: schema, resolvers, loaders, permissions and tasks put together.
import { defineSubgraph } from '@shop/kit';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';
import { recordOrder, recordOrderPayload } from './service.js';

export const reports = defineSubgraph({
  name: 'reports',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: {
    // A malformed payload throws, so the job stays failed and visible instead of writing a bad fact.
    'reports.recordOrder': async (payload, db) => recordOrder(db, recordOrderPayload.parse(payload)),
  },
});
