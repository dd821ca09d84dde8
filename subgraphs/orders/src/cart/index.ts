/** Storefront carts. Domain code only; the graph's resolvers and loaders are in ./resolvers.js and ./loaders.js. */
export * from './service.js';
export { CART_ATTACH_TASK, attachCartToMember, cartAttachTask, type CartAttachOutcome } from './attach.js';
export type { CartLineRow, CartRow } from './tables.js';
