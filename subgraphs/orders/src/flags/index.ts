/**
 * Abnormal-order flags: configurable rules, holds and releases. Domain code only; the graph's
 * resolvers and rules are imported from ./resolvers.js by the subgraph's resolvers and permissions.
 */
export { evaluateFlags, flaggedCondition, isOnHold } from './evaluate.js';
