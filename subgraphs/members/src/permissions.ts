// Who may enter each query and mutation of members.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { channelIdPermissions } from './channel-ids/resolvers.js';
import { eventPermissions } from './events/resolvers.js';
import { loyaltyPermissions } from './loyalty/resolvers.js';
import { passwordResetPermissions } from './password-reset/resolvers.js';
import { wishlistPermissions } from './wishlist/resolvers.js';
import { privacyPermissions } from './privacy/resolvers.js';
import { segmentPermissions } from './segments/resolvers.js';

/** Who may enter the members subgraph where (row rules live in the loaders and services). */
export const permissions: EntryPointRules = {
  Query: {
    members: rules.operator,
    member: rules.operator,
    memberContactLog: rules.staff,
    contactFollowUpsDue: rules.staff,
    myProfile: rules.customer,
    ...loyaltyPermissions.Query,
    ...privacyPermissions.Query,
    myAddresses: rules.customer,
    ...wishlistPermissions.Query,
    myRecommendations: rules.customer,
    ...segmentPermissions.Query,
  },
  Mutation: {
    customerSignUp: rules.public,
    customerLogin: rules.public,
    customerLogout: rules.customer,
    ...passwordResetPermissions.Mutation,
    ...wishlistPermissions.Mutation,
    ...loyaltyPermissions.Mutation,
    ...eventPermissions.Mutation,
    ...privacyPermissions.Mutation,
    myProfileUpdate: rules.customer,
    myPasswordChange: rules.customer,
    myAddressAdd: rules.customer,
    myAddressUpdate: rules.customer,
    myAddressDelete: rules.customer,
    myAddressSetDefault: rules.customer,
    memberCreate: rules.operator,
    memberUpdate: rules.operator,
    memberTagsSet: rules.operator,
    memberConsentSet: rules.staff,
    memberDisable: rules.staff,
    memberEnable: rules.operator,
    memberMerge: rules.staff,
    memberAddressAdd: rules.operator,
    memberAddressUpdate: rules.operator,
    memberAddressDelete: rules.operator,
    contactLogAdd: rules.staff,
    contactFollowUpDone: rules.staff,
    ...segmentPermissions.Mutation,
    ...channelIdPermissions.Mutation,
  },
};
