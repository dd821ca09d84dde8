import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Stock is back-office data. */
export const permissions: EntryPointRules = {
  Query: { warehouses: rules.operator },
};
