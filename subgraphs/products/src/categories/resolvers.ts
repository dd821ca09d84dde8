// Categories: the GraphQL queries, mutations and Category fields.
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { createCategory, deleteCategory, moveCategory, updateCategory } from './service.js';

/** Spread into the products subgraph's resolver map (resolvers.ts). */
export const categoryResolvers: Resolvers = {
  Query: {
    categories: async (_, __, ctx) => (await ctx.loaders.categoryTree()).ordered,
    category: async (_, args, ctx) => (await ctx.loaders.categoryTree()).byId.get(args.id) ?? null,
  },
  Mutation: {
    categoryCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => createCategory(tx, input)), (category) => ({ category })),
    categoryUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateCategory(tx, input, changes)), (category) => ({ category })),
    categoryMove: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => moveCategory(tx, input, changes)), (category) => ({ category })),
    categoryDelete: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => deleteCategory(tx, input.id, changes)), (deletedCategoryId) => ({ deletedCategoryId })),
  },
  Category: {
    // Other subgraphs refer to categories by id (a member's favourite categories).
    __resolveReference: async (ref, ctx) => (await ctx.loaders.categoryTree()).byId.get(ref.id) ?? null,
    parent: async (row, _, ctx) =>
      row.parentId ? ((await ctx.loaders.categoryTree()).byId.get(row.parentId) ?? null) : null,
    children: async (row, _, ctx) =>
      (await ctx.loaders.categoryTree()).ordered.filter((c) => c.parentId === row.id),
    ancestors: async (row, _, ctx) => {
      const { byId } = await ctx.loaders.categoryTree();
      return row.path.slice(0, -1).flatMap((id) => byId.get(id) ?? []);
    },
    depth: (row) => row.path.length,
  },
};
