// GraphQL resolvers of storefront accounts: sign-up, sign-in, sign-out, own profile and password.
import { mutate, payload } from '@shop/kit/mutation';
import { codedError, withTx, type SubgraphContext } from '@shop/kit';
import { setConsents } from '../consents/index.js';
import type { MemberResult } from '../errors/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import { updateMember, type Member } from '../service.js';
import { changePassword, customerLogin, customerLogout, customerSignUp, type CustomerSession } from './service.js';

type Ctx = SubgraphContext<Loaders>;

function sessionPayload(result: MemberResult<CustomerSession>) {
  return result.ok
    ? { ...result.value, userErrors: [] }
    : { token: null, expiresAt: null, member: null, userErrors: result.errors };
}

/** The signed-in customer, or UNAUTHENTICATED: the member always comes from the session, never from arguments. */
export function customerOf(ctx: Ctx): { memberId: string; sessionId: string } {
  const { principal } = ctx;
  if (principal.kind !== 'customer') throw codedError('UNAUTHENTICATED', 'Sign in as a customer first.');
  return principal;
}

const profileOf = (row: Member) => ({ member: row, email: row.email, phone: row.phone });

export const accountResolvers: Resolvers = {
  Query: {
    myProfile: async (_, __, ctx) => {
      if (ctx.principal.kind !== 'customer') return null;
      const row = await ctx.loaders.memberById.load(ctx.principal.memberId);
      return row && profileOf(row);
    },
  },
  Mutation: {
    customerSignUp: async (_, { input }, ctx) =>
      sessionPayload(await withTx(ctx.db, (tx) => customerSignUp(tx, input))),
    // The pool, not a transaction: each attempt must commit before the password is checked (service.ts).
    customerLogin: async (_, { input }, ctx) =>
      sessionPayload(await customerLogin(ctx.db, input, ctx.clientAddress ?? null)),
    customerLogout: async (_, { input }, ctx) => {
      const result = await customerLogout(ctx.db, customerOf(ctx), input);
      return result.ok ? { endedSessions: result.value, userErrors: [] } : { endedSessions: 0, userErrors: result.errors };
    },
    /** The customer's own fields only: the sign-in email, notes and acquisition channel are not theirs to change here. */
    myProfileUpdate: async (_, { input }, ctx) => {
      const { memberId } = customerOf(ctx);
      const { consents, ...profile } = input;
      const result = await mutate(ctx, async (tx, changes) => {
        const updated = await updateMember(tx, memberId, profile, changes);
        if (!updated.ok || !consents?.length) return updated;
        const consented = await setConsents(tx, memberId, consents, { source: 'STOREFRONT', staffId: null }, changes);
        return consented.ok ? updated : consented;
      });
      return payload(result, (row) => ({ profile: profileOf(row) }));
    },
    myPasswordChange: async (_, { input }, ctx) => {
      const actor = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => changePassword(tx, actor, input, changes)), (endedSessions) => ({ endedSessions }));
    },
  },
};
