import { defineSubgraph } from '@shop/kit';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';

export const stock = defineSubgraph({
  name: 'stock',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
});
