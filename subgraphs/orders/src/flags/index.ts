/** Abnormal-order flags: configurable rules, holds and releases. */
export { evaluateFlags, flaggedCondition, isOnHold } from './evaluate.js';
export { flagPermissions, flagResolvers } from './resolvers.js';
