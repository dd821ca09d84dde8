// What tests and benchmarks outside members call of recommendations directly: the rebuild and the read-time queries.
export { recomputeRecommendations } from '../src/recommendations/index.js';
export { boughtTogetherOf, recommendationsFor } from '../src/recommendations/service.js';
