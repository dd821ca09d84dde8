// Background task of recommendations: the nightly rebuild of product neighbours.
import { log, type Db } from '@shop/kit';
import { recomputeRecommendations } from './service.js';

export const RECOMPUTE_RECOMMENDATIONS = 'members.recomputeRecommendations';

/** members.recomputeRecommendations: no payload (a schedule's `_cron` is ignored); rebuilds product_neighbour. */
export async function recomputeRecommendationsTask(_payload: unknown, db: Db): Promise<void> {
  const started = Date.now();
  const { neighbours } = await recomputeRecommendations(db);
  log.info({ neighbours, ms: Date.now() - started }, 'recommendations recomputed');
}
