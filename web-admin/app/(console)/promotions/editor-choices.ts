import type { PromotionEditorChoices as Choices } from '@/components/promotions/promotion-editor';
import { request } from '@/lib/graphql';

import type { PromotionDetailNode, PromotionEditorChoicesQuery } from './promotions.graphql';
import type { ScopeChoice } from './search-actions';
import { PromotionScopeCollection, PromotionScopeProduct } from './search.graphql';

/** The pickers' choices: categories and segments (withheld segments leave the picker empty). */
export function editorChoices(data: PromotionEditorChoicesQuery, knownProducts: ScopeChoice[], knownCollections: ScopeChoice[]): Choices {
  return {
    categories: data.categories,
    segments: (data.segments?.edges ?? []).map(({ node }) => node),
    knownProducts,
    knownCollections,
  };
}

/** Titles of the products or collections a saved scope names, so its picker shows names rather than ids. */
export async function knownScopeChoices(scope: PromotionDetailNode['scope'], locale: string): Promise<{ products: ScopeChoice[]; collections: ScopeChoice[] }> {
  if (scope.kind === 'PRODUCTS') {
    const found = await Promise.all(scope.ids.map((id) => request(PromotionScopeProduct, { id, locale })));
    return { products: found.flatMap(({ data }) => (data?.product ? [data.product] : [])), collections: [] };
  }
  if (scope.kind === 'COLLECTIONS') {
    const found = await Promise.all(scope.ids.map((id) => request(PromotionScopeCollection, { id })));
    return { products: [], collections: found.flatMap(({ data }) => (data?.collection ? [data.collection] : [])) };
  }
  return { products: [], collections: [] };
}
