import type { EntryPointRules } from '@shop/kit/shield';

/** Bulk import and export of the catalog (CSV): resolvers, entry-point rules and worker tasks. */
export const bulkResolvers = { Query: {}, Mutation: {} };
export const bulkPermissions: EntryPointRules = { Query: {}, Mutation: {} };
export const bulkTasks = {};
