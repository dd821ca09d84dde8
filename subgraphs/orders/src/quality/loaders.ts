// Per-request batch loaders of quality alerts.
import { rowLoader, type Db } from '@shop/kit';
import { qualityAlertsByIds } from './service.js';

export function createQualityLoaders(db: Db) {
  return {
    qualityAlertById: rowLoader((ids: readonly string[]) => qualityAlertsByIds(db, ids), (row) => row.id),
  };
}
