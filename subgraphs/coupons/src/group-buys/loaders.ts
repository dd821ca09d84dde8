// Per-request loaders of group buys: campaigns and groups by id, group counts by campaign.
import DataLoader from 'dataloader';
import { MAX_BATCH_SIZE, rowLoader, type Db } from '@shop/kit';
import { campaignsByIds } from './campaigns.js';
import { groupCountsByCampaignIds, groupsByIds } from './groups.js';

export function createGroupBuyLoaders(db: Db) {
  return {
    groupBuyCampaignById: rowLoader((ids: readonly string[]) => campaignsByIds(db, ids), (row) => row.id),
    groupBuyGroupById: rowLoader((ids: readonly string[]) => groupsByIds(db, ids), (row) => row.id),
    groupBuyCountsByCampaignId: new DataLoader(
      async (ids: readonly string[]) => {
        const byId = new Map((await groupCountsByCampaignIds(db, ids)).map((r) => [r.campaignId, r] as const));
        return ids.map((id) => byId.get(id) ?? { open: 0, succeeded: 0, failed: 0 });
      },
      { maxBatchSize: MAX_BATCH_SIZE },
    ),
  };
}
