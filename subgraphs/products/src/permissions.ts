import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Storefronts browse the catalog signed in or not; staff-only fields are gated at the gateway. */
export const permissions: EntryPointRules = {
  Query: { products: rules.public, product: rules.public },
};
