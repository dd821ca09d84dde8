// Who may enter each query and mutation of products, with those of bulk/.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { bulkPermissions } from './bulk/index.js';

/**
 * Storefronts browse the catalog signed in or not (drafts and archived
 * products are filtered in the resolvers); reviews are written by customers;
 * everything else is back office. Scopes are checked at the gateway.
 */
export const permissions: EntryPointRules = {
  Query: {
    ...bulkPermissions.Query,
    products: rules.public,
    product: rules.public,
    productByHandle: rules.public,
    categories: rules.public,
    category: rules.public,
    collections: rules.public,
    collection: rules.public,
    brands: rules.public,
    catalogLimits: rules.public,
    reviews: rules.operator,
  },
  Mutation: {
    ...bulkPermissions.Mutation,
    productCreate: rules.operator,
    productUpdate: rules.operator,
    productArchive: rules.operator,
    productUnarchive: rules.operator,
    productsBulkArchive: rules.staff,
    productVariantsBulkUpdate: rules.operator,
    productTagsAdd: rules.operator,
    productTagsRemove: rules.operator,
    categoryCreate: rules.operator,
    categoryUpdate: rules.operator,
    categoryMove: rules.operator,
    categoryDelete: rules.operator,
    collectionCreate: rules.operator,
    collectionUpdate: rules.operator,
    collectionDelete: rules.operator,
    collectionAddProducts: rules.operator,
    collectionRemoveProducts: rules.operator,
    reviewCreate: rules.customer,
    reviewModerate: rules.operator,
    reviewReply: rules.operator,
  },
};
