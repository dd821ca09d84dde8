/**
 * After-sales: return, refund-only and exchange requests. The tables are exported for the rest of orders
 * (quality counts returns per product and lot), the photos' upload, download and purge for the gateway's
 * routes and the worker (package entry @shop/orders/after-sales); the graph's resolvers, loaders and rules
 * are imported from ./resolvers.js, ./loaders.js and ./permissions.js by the subgraph's own.
 */
export * from './tables.js';
export {
  erasePhotosOf,
  MAX_PHOTO_BYTES,
  openPhoto,
  photoLinkValid,
  PHOTO_TYPES,
  PURGE_RETURN_PHOTOS_TASK,
  purgeUnattachedPhotos,
  savePhoto,
  uploaderOf,
} from './photos.js';
