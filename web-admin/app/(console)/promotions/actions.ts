'use server';

import { getLocale } from 'next-intl/server';

import type { PromotionFields } from '@/components/promotions/promotion-input';
import { describeErrors, hasErrorCode, request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import { PromotionArchive, PromotionCreate, PromotionUpdate, type PromotionStatus } from './promotions.graphql';

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
