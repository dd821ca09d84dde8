'use server';

import { getLocale } from 'next-intl/server';

import { request } from '@/lib/graphql';
import type { Money } from '@/lib/format';

import {
  PromotionCartMemberSearch,
  PromotionCartVariantSearch,
  PromotionScopeProductSearch,
  type MemberTier,
} from './search.graphql';

/** A variant as the trial cart offers it. */
export interface CartVariantOption {
  id: string;
  sku: string;
  productTitle: string;
  variantTitle: string;
  price: Money;
}

/** Variants whose product title or SKU matches, at most 30, exact SKU matches first. */
export async function searchCartVariants(query: string): Promise<CartVariantOption[]> {
  const text = query.trim();
  if (!text) return [];
  const { data } = await request(PromotionCartVariantSearch, { query: text, locale: await getLocale() });
  const needle = text.toLowerCase();
  const options = (data?.products.edges ?? []).flatMap(({ node }) =>
    node.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      productTitle: node.title,
      variantTitle: variant.title,
      price: variant.price,
    })),
  );
  const rank = (option: CartVariantOption) => (option.sku.toLowerCase() === needle ? 0 : 1);
  return options.sort((a, b) => rank(a) - rank(b)).slice(0, 30);
}

/** A member the trial cart can be priced for. */
export interface CartMemberOption {
  id: string;
  name: string;
  tier: MemberTier | null;
}

/** Members whose name matches (members:read). */
export async function searchCartMembers(query: string): Promise<CartMemberOption[]> {
  const text = query.trim();
  if (!text) return [];
  const { data } = await request(PromotionCartMemberSearch, { query: text });
  return (data?.members?.edges ?? []).map(({ node }) => ({ id: node.id, name: node.displayName ?? '—', tier: node.tier ?? null }));
}

/** A product or collection a scope can name. */
export interface ScopeChoice {
  id: string;
  title: string;
}

/** Products whose title or SKU matches, for a promotion's scope (titles in the console's language). */
export async function searchScopeProducts(query: string): Promise<ScopeChoice[]> {
  const text = query.trim();
  if (!text) return [];
  const { data } = await request(PromotionScopeProductSearch, { query: text, locale: await getLocale() });
  return (data?.products.edges ?? []).map(({ node }) => ({ id: node.id, title: node.title }));
}
