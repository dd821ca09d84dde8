'use server';

import { getLocale } from 'next-intl/server';

import type { PromotionFields } from '@/components/promotions/promotion-input';
import { hasErrorCode, request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import { PromotionArchive, PromotionCreate, PromotionUpdate, type PromotionStatus } from './promotions.graphql';
import { PromotionTryCart, type CartExplanation, type PriceExplainInput } from './try-cart.graphql';

/** A saved promotion as the editor keeps it. */
export interface SavedPromotion {
  id: string;
  status: PromotionStatus;
}

/**
 * promotionCreate, or promotionUpdate when `id` is given (its kind and currency stay as created).
 * `publish` activates it (it then follows its schedule); otherwise it is, or goes back to, a draft.
 */
export async function savePromotion(id: string | null, fields: PromotionFields, publish: boolean): Promise<ActionResult<SavedPromotion>> {
  if (!id) {
    return runMutation(PromotionCreate, { input: { ...fields, activate: publish } }, (d) => d.promotionCreate, (p) => p.promotion!);
  }
  const { kind: _kind, currencyCode: _currency, ...changes } = fields;
  return runMutation(PromotionUpdate, { input: { id, ...changes, activate: publish } }, (d) => d.promotionUpdate, (p) => p.promotion!);
}

/** promotionArchive: it stops applying at once and can no longer change. */
export async function archivePromotion(id: string): Promise<ActionResult<SavedPromotion>> {
  return runMutation(PromotionArchive, { input: { id } }, (d) => d.promotionArchive, (p) => p.promotion!);
}

/** The cart the "try a cart" panel prices: priceExplain's input (the moment and shipping optional). */
export type TrialCart = PriceExplainInput;

export type ExplainResult =
  | { ok: true; explanation: CartExplanation }
  | { ok: false; reason: 'FORBIDDEN' | 'INVALID' | 'ERROR' };

/**
 * priceExplain for the trial cart, with the console's language as Accept-Language so the engine
 * words its reasons (and the rules' titles) in it. A line the engine cannot price (another
 * currency, a quantity out of range) answers INVALID.
 */
export async function explainCart(cart: TrialCart): Promise<ExplainResult> {
  const { data, errors } = await request(PromotionTryCart, { input: cart }, { acceptLanguage: await getLocale() });
  if (data?.priceExplain) return { ok: true, explanation: data.priceExplain };
  if (hasErrorCode(errors, 'FORBIDDEN')) return { ok: false, reason: 'FORBIDDEN' };
  if (hasErrorCode(errors, 'BAD_USER_INPUT')) return { ok: false, reason: 'INVALID' };
  return { ok: false, reason: 'ERROR' };
}
