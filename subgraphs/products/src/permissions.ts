import { rules, type EntryPointRules } from '@shop/kit/shield';
import { bulkPermissions } from './bulk/index.js';

/** Storefronts browse the catalog signed in or not; staff-only fields are gated at the gateway. */
export const permissions: EntryPointRules = {
  Query: { ...bulkPermissions.Query, products: rules.public, product: rules.public },
  Mutation: { ...bulkPermissions.Mutation },
};
