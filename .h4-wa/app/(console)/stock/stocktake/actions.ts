'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { StocktakeApply, StocktakePreview, type StocktakeInput, type StocktakeLine } from './stocktake.graphql';

/** stocktakePreview: the differences a count sheet would make; nothing changes. */
export async function previewStocktake(input: StocktakeInput): Promise<ActionResult<StocktakeLine[]>> {
  return runMutation(StocktakePreview, { input }, (d) => d.stocktakePreview, (p) => p.lines ?? []);
}

/** stocktakeApply: STOCKTAKE corrections for every difference, all or nothing. */
export async function applyStocktake(input: StocktakeInput): Promise<ActionResult<number>> {
  return runMutation(StocktakeApply, { input }, (d) => d.stocktakeApply, (p) => p.applied ?? 0);
}
