// The members subgraph: schema, resolvers, loaders and permissions put together.
import { defineSubgraph } from '@shop/kit';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';

export const members = defineSubgraph({
  name: 'members',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
});
