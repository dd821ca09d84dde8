// Per-request batch loaders of flash sales: items per session and units left per item.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { flashSalesByIds, itemsOf, remainingRows } from './service.js';

export function createFlashSaleLoaders(db: Db) {
  return {
    flashSaleById: rowLoader((ids: readonly string[]) => flashSalesByIds(db, ids), (row) => row.id),
    flashSaleItemsBySale: groupLoader((ids: readonly string[]) => itemsOf(db, ids), (row) => row.flashSaleId),
    flashSaleRemainingByItem: rowLoader((ids: readonly string[]) => remainingRows(db, ids), (row) => row.itemId),
  };
}
