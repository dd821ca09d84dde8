/** Storefront carts. Domain code only; the graph's resolvers and loaders are in ./resolvers.js and ./loaders.js. */
export * from './service.js';
export type { CartLineRow, CartRow } from './tables.js';
