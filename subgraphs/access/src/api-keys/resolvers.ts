// API keys: GraphQL resolvers of the key list and minting and revoking keys.
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { apiKeyCreate, apiKeyRevoke, listApiKeys } from './service.js';

export const apiKeyResolvers: Resolvers = {
  Query: {
    apiKeys: (_, args, ctx) => listApiKeys(ctx.db, args),
  },
  Mutation: {
    apiKeyCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => apiKeyCreate(tx, ctx.principal, input)), (value) => value),
    apiKeyRevoke: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => apiKeyRevoke(tx, input)), (apiKey) => ({ apiKey })),
  },
};
