// GraphQL resolvers of password reset (public: the caller has forgotten their password).
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import { requestPasswordReset, resetPassword } from './service.js';

export const passwordResetResolvers: Resolvers = {
  Mutation: {
    customerPasswordResetRequest: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => requestPasswordReset(tx, input.email, changes)), () => ({})),
    customerPasswordReset: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => resetPassword(tx, input, changes)), () => ({})),
  },
};

export const passwordResetPermissions: EntryPointRules = {
  Mutation: { customerPasswordResetRequest: rules.public, customerPasswordReset: rules.public },
};
