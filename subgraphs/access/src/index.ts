// The access subgraph: schema, resolvers, loaders and permissions put together.
import { defineSubgraph } from '@shop/kit';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';

export const access = defineSubgraph({
  name: 'access',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
});
