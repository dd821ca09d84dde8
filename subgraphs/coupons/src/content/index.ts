// What the rest of coupons uses of content: its loaders and the rows its tables hold (domain code only, never resolvers).
export { createContentLoaders } from './loaders.js';
export { article, placement, type ArticleRow, type PlacementRow } from './tables.js';
