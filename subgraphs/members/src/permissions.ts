// Who may enter each query and mutation of members.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { loyaltyPermissions } from './loyalty/resolvers.js';

/** Who may enter the members subgraph where (row rules live in the loaders). */
export const permissions: EntryPointRules = {
  Query: {
    members: rules.operator,
    member: rules.operator,
    myProfile: rules.customer,
    ...loyaltyPermissions.Query,
  },
  Mutation: {
    customerSignUp: rules.public,
    customerLogin: rules.public,
    customerLogout: rules.customer,
    ...loyaltyPermissions.Mutation,
  },
};
