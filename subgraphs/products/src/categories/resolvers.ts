// Categories: the GraphQL queries, mutations and Category fields.
import type { SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from '../loaders.js';
import { createCategory, deleteCategory, moveCategory, updateCategory } from './service.js';
import type { CategoryRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

/** Spread into the products subgraph's resolver map (resolvers.ts). */
export const categoryResolvers = {
  Query: {
    categories: async (_: unknown, __: unknown, ctx: Ctx) => (await ctx.loaders.categoryTree()).ordered,
    category: async (_: unknown, args: { id: string }, ctx: Ctx) => (await ctx.loaders.categoryTree()).byId.get(args.id) ?? null,
  },
  Mutation: {
    categoryCreate: async (_: unknown, { input }: Input<{ name: string; handle?: string; parentId?: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => createCategory(tx, input)), (category) => ({ category })),
    categoryUpdate: async (_: unknown, { input }: Input<{ id: string; name?: string; handle?: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateCategory(tx, input, changes)), (category) => ({ category })),
    categoryMove: async (_: unknown, { input }: Input<{ id: string; parentId?: string | null; position?: number }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => moveCategory(tx, input, changes)), (category) => ({ category })),
    categoryDelete: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => deleteCategory(tx, input.id, changes)), (deletedCategoryId) => ({ deletedCategoryId })),
  },
  Category: {
    parent: async (row: CategoryRow, _: unknown, ctx: Ctx) =>
      row.parentId ? ((await ctx.loaders.categoryTree()).byId.get(row.parentId) ?? null) : null,
    children: async (row: CategoryRow, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.categoryTree()).ordered.filter((c) => c.parentId === row.id),
    ancestors: async (row: CategoryRow, _: unknown, ctx: Ctx) => {
      const { byId } = await ctx.loaders.categoryTree();
      return row.path.slice(0, -1).flatMap((id) => byId.get(id) ?? []);
    },
    depth: (row: CategoryRow) => row.path.length,
  },
};
