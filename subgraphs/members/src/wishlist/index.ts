// What the rest of members imports about wishlists.
export { WISHLIST_MAX_ITEMS, addToWishlist, removeFromWishlist, wishlistOf } from './service.js';
export type { WishlistItemRow } from './tables.js';
