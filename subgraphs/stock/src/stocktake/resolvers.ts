// Stocktakes: GraphQL resolvers and permissions of previewing and applying a counted sheet.
import type { SubgraphContext } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { actorIdOf } from '../service.js';
import { stocktakeApply, stocktakePreview, type StocktakeInput, type StocktakeLine } from './service.js';

type Ctx = SubgraphContext<object>;
type Input<T> = { input: T };

export const stocktakeResolvers = {
  Mutation: {
    stocktakePreview: async (_: unknown, { input }: Input<StocktakeInput>, ctx: Ctx) => {
      const { lines, errors } = await stocktakePreview(ctx.db, input);
      return { lines, userErrors: errors };
    },
    stocktakeApply: async (_: unknown, { input }: Input<StocktakeInput>, ctx: Ctx) => {
      const result = await mutate(ctx, (tx) => stocktakeApply(tx, ctx.principal, actorIdOf(ctx.principal), input));
      // applied is non-null: a refused sheet applied nothing.
      return result.ok ? { applied: result.value.applied, userErrors: [] } : { applied: 0, userErrors: result.errors };
    },
  },
  StocktakeLine: {
    // A variant reference for the products subgraph to resolve.
    variant: (row: StocktakeLine) => ({ id: row.variantId }),
  },
};

/** Stocktakes are back-office work; the gateway checked stock:write. */
export const stocktakePermissions: EntryPointRules = {
  Mutation: { stocktakePreview: rules.operator, stocktakeApply: rules.operator },
};
