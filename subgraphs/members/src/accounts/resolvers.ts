// GraphQL resolvers of storefront accounts: sign-up, sign-in, sign-out, own profile and password.
import { mutate, payload } from '@shop/kit/mutation';
import { codedError, withTx, type SubgraphContext } from '@shop/kit';
import { setConsents, type ConsentChange } from '../consents/index.js';
import type { MemberResult } from '../errors/index.js';
import type { Loaders } from '../loaders.js';
import { updateMember, type Member, type ProfileInput } from '../service.js';
import { changePassword, customerLogin, customerLogout, customerSignUp, type CustomerSession, type CustomerSignUpInput } from './service.js';

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

type MyProfileUpdateInput = Omit<ProfileInput, 'email' | 'notes' | 'acquisitionChannel'> & { consents?: ConsentChange[] | null };

export const accountResolvers = {
  Query: {
    myProfile: async (_: unknown, __: unknown, ctx: Ctx) => {
      if (ctx.principal.kind !== 'customer') return null;
      const row = await ctx.loaders.memberById.load(ctx.principal.memberId);
      return row && profileOf(row);
    },
  },
  Mutation: {
    customerSignUp: async (_: unknown, { input }: { input: CustomerSignUpInput }, ctx: Ctx) =>
      sessionPayload(await withTx(ctx.db, (tx) => customerSignUp(tx, input))),
    // The pool, not a transaction: each attempt must commit before the password is checked (service.ts).
    customerLogin: async (_: unknown, { input }: { input: { email: string; password: string } }, ctx: Ctx) =>
      sessionPayload(await customerLogin(ctx.db, input, ctx.clientAddress ?? null)),
    customerLogout: async (_: unknown, { input }: { input: { allSessions?: boolean | null } }, ctx: Ctx) => {
      const result = await customerLogout(ctx.db, customerOf(ctx), input);
      return result.ok ? { endedSessions: result.value, userErrors: [] } : { endedSessions: 0, userErrors: result.errors };
    },
    /** The customer's own fields only: the sign-in email, notes and acquisition channel are not theirs to change here. */
    myProfileUpdate: async (_: unknown, { input }: { input: MyProfileUpdateInput }, ctx: Ctx) => {
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
    myPasswordChange: async (_: unknown, { input }: { input: { currentPassword: string; newPassword: string } }, ctx: Ctx) => {
      const actor = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => changePassword(tx, actor, input, changes)), (endedSessions) => ({ endedSessions }));
    },
  },
};
