// What the rest of members uses of recommendations: the rebuild task and the table.
export { RECOMPUTE_RECOMMENDATIONS, recomputeRecommendationsTask } from './jobs.js';
export { recomputeRecommendations } from './service.js';
export { productNeighbour, type ProductNeighbourRow } from './tables.js';
