// Shop settings: the public read and the update (settings:manage and a step-up, checked at the gateway).
import { mutate, payload } from '@shop/kit/mutation';
import { readShopSettings } from '@shop/kit/shop-settings';
import type { Resolvers } from '../generated/resolvers-types.js';
import { shopSettingsUpdate } from './service.js';

export const settingsResolvers: Resolvers = {
  Query: {
    // From the database, not this process's copy: a read right after a change sees it.
    shopSettings: (_, __, ctx) => readShopSettings(ctx.db),
  },
  Mutation: {
    shopSettingsUpdate: async (_, { input }, ctx) =>
      payload(
        await mutate(ctx, (tx, changes) => shopSettingsUpdate(tx, input, changes, ctx.acceptLanguage)),
        (shopSettings) => ({ shopSettings }),
      ),
  },
};
