import type { Locale } from '@/i18n/config';
import type { CurrencyCode, MemberTier } from '@/app/(console)/promotions/promotions.graphql';

import type { OrderChannel, PromotionKind } from './promotion-enums';

export type ScopeKind = 'ALL' | 'PRODUCTS' | 'CATEGORIES' | 'COLLECTIONS';

/**
 * The editor's form, as the operator sees it: amounts as typed decimals in the major unit,
 * percentages as percent (15, 12.5), the schedule as wall times in the shop's time zone.
 * promotion-input.ts turns it into the API's input and back.
 */
export interface PromotionFormValues {
  titles: Partial<Record<Locale, string>>;
  kind: PromotionKind;
  currencyCode: CurrencyCode;
  /** TIERED_SPEND: spend at least `threshold`, take `amountOff` off. */
  spendTiers: { threshold?: string; amountOff?: string }[];
  /** In percent (15, 12.5): PERCENT_OFF, BUY_X_GET_Y (on the discounted units), NTH_ITEM_PERCENT, TIER_PRICE. */
  percentOff?: number | null;
  /** FIXED_OFF. */
  amountOff?: string;
  /** PERCENT_OFF and TIER_PRICE: at most this much off. */
  maxDiscount?: string;
  /** What the scoped lines must cost before the promotion applies (not offered for TIERED_SPEND: its tiers say it). */
  minimumSpend?: string;
  buyQuantity?: number | null;
  getQuantity?: number | null;
  nth?: number | null;
  /** The member tiers it is for (empty: everyone); TIER_PRICE needs at least one. */
  memberTiers: MemberTier[];
  scope: { kind: ScopeKind; ids: string[] };
  startsAt?: string;
  endsAt?: string;
  /** Empty: every channel. */
  channels: OrderChannel[];
  /** Empty: everyone. */
  segmentIds: string[];
  priority: number;
  combinable: boolean;
}

/** The currency a new promotion starts in: the demo shop sells in baht; the editor offers the others. */
export const defaultCurrency: CurrencyCode = 'THB';

/** What a new promotion starts from: 满减 with one empty tier for the operator to fill. */
export function newPromotionValues(): PromotionFormValues {
  return {
    titles: {},
    kind: 'TIERED_SPEND',
    currencyCode: defaultCurrency,
    spendTiers: [{}],
    percentOff: null,
    memberTiers: [],
    scope: { kind: 'ALL', ids: [] },
    channels: [],
    segmentIds: [],
    priority: 100,
    combinable: true,
  };
}
