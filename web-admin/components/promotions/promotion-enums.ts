import type { OrderChannel, PromotionKind, PromotionStatus } from '@/app/(console)/promotions/promotions.graphql';
import { enumValues } from '@/lib/enum-values';

export type { OrderChannel, PromotionKind, PromotionStatus };

/** Every kind, in the order the editor offers them. */
export const promotionKinds = enumValues<PromotionKind>()([
  'TIERED_SPEND', 'PERCENT_OFF', 'FIXED_OFF', 'BUY_X_GET_Y', 'NTH_ITEM_PERCENT', 'TIER_PRICE',
]);

export const promotionStatuses = enumValues<PromotionStatus>()(['DRAFT', 'SCHEDULED', 'ACTIVE', 'ENDED', 'ARCHIVED']);

export const orderChannels = enumValues<OrderChannel>()(['ONLINE_STORE', 'MOBILE_APP', 'MINI_PROGRAM', 'POINT_OF_SALE', 'MARKETPLACE']);

export const statusColors: Record<PromotionStatus, string> = {
  DRAFT: 'default',
  SCHEDULED: 'blue',
  ACTIVE: 'green',
  ENDED: 'default',
  ARCHIVED: 'default',
};
