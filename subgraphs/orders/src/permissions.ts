import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Who may enter the orders subgraph where (row rules live in the loaders). */
export const permissions: EntryPointRules = {
  Query: {
    orders: rules.operator,
    order: rules.operator,
    myOrders: rules.customer,
  },
};
