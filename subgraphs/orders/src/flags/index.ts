/**
 * Abnormal-order flags: configurable rules, holds and releases. Domain code only; the graph's
 * resolvers, loaders and rules are imported from ./resolvers.js, ./loaders.js and ./permissions.js
 * by the subgraph's own.
 */
export { evaluateFlags, flaggedCondition, isOnHold } from './evaluate.js';
export { holdOrder, HOLDABLE, releaseOrder, type HoldErrorCode } from './service.js';
