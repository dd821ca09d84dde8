// Collections: the GraphQL queries and mutations (a collection's products are resolved with the products, resolvers.ts).
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import {
  changeCollectionProducts,
  createCollection,
  deleteCollection,
  listCollections,
  updateCollection,
} from './service.js';

/** Spread into the products subgraph's resolver map (resolvers.ts). */
export const collectionResolvers: Resolvers = {
  Query: {
    collections: (_, args, ctx) => listCollections(ctx.db, args),
    collection: (_, args, ctx) => ctx.loaders.collectionById.load(args.id),
  },
  Mutation: {
    collectionCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => createCollection(tx, input)), (collection) => ({ collection })),
    collectionUpdate: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => updateCollection(tx, input, changes)), (collection) => ({ collection })),
    collectionDelete: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => deleteCollection(tx, input.id, changes)), (deletedCollectionId) => ({ deletedCollectionId })),
    collectionAddProducts: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeCollectionProducts(tx, input, 'add', changes)), (collection) => ({ collection })),
    collectionRemoveProducts: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => changeCollectionProducts(tx, input, 'remove', changes)), (collection) => ({ collection })),
  },
};
