// Stocktakes: GraphQL resolvers and permissions of previewing and applying a counted sheet.
import { mutate } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actorIdOf } from '../service.js';
import { stocktakeApply, stocktakePreview } from './service.js';

export const stocktakeResolvers: Resolvers = {
  Mutation: {
    stocktakePreview: async (_, { input }, ctx) => {
      const { lines, errors } = await stocktakePreview(ctx.db, input);
      return { lines, userErrors: errors };
    },
    stocktakeApply: async (_, { input }, ctx) => {
      const result = await mutate(ctx, (tx) => stocktakeApply(tx, ctx.principal, actorIdOf(ctx.principal), input));
      // applied is non-null: a refused sheet applied nothing.
      return result.ok ? { applied: result.value.applied, userErrors: [] } : { applied: 0, userErrors: result.errors };
    },
  },
  StocktakeLine: {
    // A variant reference for the products subgraph to resolve.
    variant: (row) => ({ id: row.variantId }),
  },
};

/** Stocktakes are back-office work; the gateway checked stock:write. */
export const stocktakePermissions: EntryPointRules = {
  Mutation: { stocktakePreview: rules.operator, stocktakeApply: rules.operator },
};
