/** Abnormal-order flags: configurable rules, holds and releases (issue #6 part 6). */
export { evaluateFlags, flaggedCondition, isOnHold } from './evaluate.js';
export { flagPermissions, flagResolvers } from './resolvers.js';
