import type { PromotionCreateInput, PromotionDetailNode, PromotionKind } from '@/app/(console)/promotions/promotions.graphql';
import { isLocale, locales } from '@/i18n/config';
import { instantOfWallTime, wallTimeOf } from '@/lib/zoned-time';

import type { PromotionFormValues } from './promotion-form-values';

/** The amount fields each kind takes (the API refuses the others with KIND_MISMATCH). */
const KIND_FIELDS: Record<PromotionKind, readonly ('spendTiers' | 'percentOff' | 'amountOff' | 'maxDiscount' | 'buyQuantity' | 'getQuantity' | 'nth')[]> = {
  TIERED_SPEND: ['spendTiers'],
  PERCENT_OFF: ['percentOff', 'maxDiscount'],
  FIXED_OFF: ['amountOff'],
  BUY_X_GET_Y: ['percentOff', 'buyQuantity', 'getQuantity'],
  NTH_ITEM_PERCENT: ['percentOff', 'nth'],
  TIER_PRICE: ['percentOff', 'maxDiscount'],
};

/** A promotion as promotionCreate and promotionUpdate both take it (update adds the id, drops kind and currency). */
export type PromotionFields = Omit<PromotionCreateInput, 'activate'>;

const text = (value: string | undefined) => value?.trim() || null;

/**
 * The form as the API's input: titles that were typed, amounts as decimals, percent as basis
 * points, the schedule's shop wall times as instants. A field the kind does not use is sent as
 * null (it clears what the promotion may hold), so a save never carries a stale value.
 */
export function toPromotionInput(values: PromotionFormValues, timeZone: string): PromotionFields {
  const uses = (name: (typeof KIND_FIELDS)[PromotionKind][number]) => KIND_FIELDS[values.kind].includes(name);
  const wall = (value: string | undefined) => (value ? instantOfWallTime(value, timeZone) : null);
  return {
    titles: locales.flatMap((locale) => {
      const title = text(values.titles[locale]);
      return title ? [{ locale, text: title }] : [];
    }),
    kind: values.kind,
    currencyCode: values.currencyCode,
    priority: values.priority,
    combinable: values.combinable,
    startsAt: wall(values.startsAt),
    endsAt: wall(values.endsAt),
    channels: values.channels,
    memberTiers: values.memberTiers,
    segmentIds: values.segmentIds,
    scope: { kind: values.scope.kind, ids: values.scope.kind === 'ALL' ? [] : values.scope.ids },
    spendTiers: uses('spendTiers')
      ? values.spendTiers.map((tier) => ({ threshold: text(tier.threshold) ?? '', amountOff: text(tier.amountOff) ?? '' }))
      : null,
    percentOff: uses('percentOff') && values.percentOff != null ? Math.round(values.percentOff * 100) : null,
    amountOff: uses('amountOff') ? text(values.amountOff) : null,
    maxDiscount: uses('maxDiscount') ? text(values.maxDiscount) : null,
    minimumSpend: values.kind === 'TIERED_SPEND' ? null : text(values.minimumSpend),
    buyQuantity: uses('buyQuantity') ? (values.buyQuantity ?? null) : null,
    getQuantity: uses('getQuantity') ? (values.getQuantity ?? null) : null,
    nth: uses('nth') ? (values.nth ?? null) : null,
  };
}

/** A saved promotion as the editor's form. */
export function formValuesOf(promotion: PromotionDetailNode, timeZone: string): PromotionFormValues {
  const wall = (iso: string | null | undefined) => (iso ? wallTimeOf(new Date(iso), timeZone) : undefined);
  return {
    titles: Object.fromEntries(promotion.titles.filter((title) => isLocale(title.locale)).map((title) => [title.locale, title.text])),
    kind: promotion.kind,
    currencyCode: promotion.currencyCode,
    spendTiers: (promotion.spendTiers ?? []).map((tier) => ({ threshold: tier.threshold.amount, amountOff: tier.amountOff.amount })),
    percentOff: promotion.percentOff == null ? null : promotion.percentOff / 100,
    amountOff: promotion.amountOff?.amount,
    maxDiscount: promotion.maxDiscount?.amount,
    minimumSpend: promotion.minimumSpend?.amount,
    buyQuantity: promotion.buyQuantity ?? null,
    getQuantity: promotion.getQuantity ?? null,
    nth: promotion.nth ?? null,
    memberTiers: promotion.memberTiers,
    scope: { kind: promotion.scope.kind, ids: promotion.scope.ids },
    startsAt: wall(promotion.startsAt),
    endsAt: wall(promotion.endsAt),
    channels: promotion.channels,
    segmentIds: promotion.segmentIds,
    priority: promotion.priority,
    combinable: promotion.combinable,
  };
}
