// Collections: the GraphQL queries and mutations (a collection's products are resolved with the products, resolvers.ts).
import type { ConnectionArgs, SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from '../loaders.js';
import {
  changeCollectionProducts,
  createCollection,
  deleteCollection,
  listCollections,
  updateCollection,
} from './service.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

/** Spread into the products subgraph's resolver map (resolvers.ts). */
export const collectionResolvers = {
  Query: {
    collections: (_: unknown, args: ConnectionArgs & { query?: string }, ctx: Ctx) => listCollections(ctx.db, args),
    collection: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.collectionById.load(args.id),
  },
  Mutation: {
    collectionCreate: async (_: unknown, { input }: Input<{ title: string; handle?: string; descriptionHtml?: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => createCollection(tx, input)), (collection) => ({ collection })),
    collectionUpdate: async (
      _: unknown,
      { input }: Input<{ id: string; title?: string; handle?: string; descriptionHtml?: string }>,
      ctx: Ctx,
    ) => payload(await mutate(ctx, (tx, changes) => updateCollection(tx, input, changes)), (collection) => ({ collection })),
    collectionDelete: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => deleteCollection(tx, input.id, changes)), (deletedCollectionId) => ({ deletedCollectionId })),
    collectionAddProducts: async (_: unknown, { input }: Input<{ id: string; productIds: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeCollectionProducts(tx, input, 'add', changes)), (collection) => ({ collection })),
    collectionRemoveProducts: async (_: unknown, { input }: Input<{ id: string; productIds: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeCollectionProducts(tx, input, 'remove', changes)), (collection) => ({ collection })),
  },
};
