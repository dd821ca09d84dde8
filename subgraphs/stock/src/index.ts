// The stock subgraph: schema, resolvers, loaders, permissions and background tasks put together.
import { defineSubgraph } from '@shop/kit';
import { LOW_STOCK_NOTIFY, lowStockNotify } from './alerts/index.js';
import { AVAILABILITY_FEED, availabilityFeed } from './availability-feed/index.js';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { EXPIRE_RESERVATION, expireReservation } from './reservations/index.js';
import { resolvers } from './resolvers.js';

export const stock = defineSubgraph({
  name: 'stock',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: {
    [EXPIRE_RESERVATION]: expireReservation,
    [LOW_STOCK_NOTIFY]: lowStockNotify,
    [AVAILABILITY_FEED]: availabilityFeed,
  },
});
