// API keys: GraphQL resolvers of the key list and minting and revoking keys.
import type { ConnectionArgs, SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from '../loaders.js';
import { apiKeyCreate, apiKeyRevoke, listApiKeys } from './service.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

export const apiKeyResolvers = {
  Query: {
    apiKeys: (_: unknown, args: ConnectionArgs, ctx: Ctx) => listApiKeys(ctx.db, args),
  },
  Mutation: {
    apiKeyCreate: async (
      _: unknown,
      { input }: Input<{ name: string; scopes: string[]; expiresAt?: Date | null }>,
      ctx: Ctx,
    ) => payload(await mutate(ctx, (tx) => apiKeyCreate(tx, ctx.principal, input)), (value) => value),
    apiKeyRevoke: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => apiKeyRevoke(tx, input)), (apiKey) => ({ apiKey })),
  },
};
