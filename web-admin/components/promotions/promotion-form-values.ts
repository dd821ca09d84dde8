import type { Locale } from '@/i18n/config';

import type { OrderChannel, PromotionKind } from './promotion-enums';
import type { MemberTier } from '@/app/(console)/promotions/search.graphql';

export type ScopeKind = 'ALL' | 'PRODUCTS' | 'CATEGORIES' | 'COLLECTIONS';

/**
 * The editor's form, as the operator sees it: amounts as typed decimals in the major unit,
 * percentages as percent (15, 12.5), the schedule as wall times in the shop's time zone.
 * promotion-input.ts turns it into the API's input and back.
 */
export interface PromotionFormValues {
  titles: Partial<Record<Locale, string>>;
  kind: PromotionKind;
  currencyCode: string;
  /** TIERED_SPEND: spend at least `threshold`, take `off` off. */
  tiers: { threshold?: string; off?: string }[];
  /** PERCENT_OFF, NTH_ITEM_PERCENT, BUY_X_GET_Y (the discount on the free/cheaper units), TIER_PRICE. */
  percentOff?: number | null;
  /** FIXED_OFF. */
  amountOff?: string;
  /** PERCENT_OFF: at most this much off. */
  capAmount?: string;
  /** What the scoped lines must cost before the promotion applies (not for TIERED_SPEND: its tiers say it). */
  minSpend?: string;
  buyQuantity?: number | null;
  getQuantity?: number | null;
  nth?: number | null;
  /** TIER_PRICE: the member tiers that get it. */
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

/** What a new promotion starts from: 满减 with the two tiers most shops begin with left for the operator to fill. */
export function newPromotionValues(currencyCode: string): PromotionFormValues {
  return {
    titles: {},
    kind: 'TIERED_SPEND',
    currencyCode,
    tiers: [{}],
    percentOff: null,
    memberTiers: [],
    scope: { kind: 'ALL', ids: [] },
    channels: [],
    segmentIds: [],
    priority: 100,
    combinable: true,
  };
}
