// The products subgraph: schema, resolvers, loaders, permissions and bulk tasks put together.
import { defineSubgraph } from '@shop/kit';
import { bulkTasks } from './bulk/index.js';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { privacyTasks } from './privacy/index.js';
import { resolvers } from './resolvers.js';

export const products = defineSubgraph({
  name: 'products',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: { ...bulkTasks, ...privacyTasks },
});
