// GraphQL resolvers of members: the member list and customer accounts, with loyalty merged in.
import { codedError, scopesOf, withTx, type SubgraphContext } from '@shop/kit';
import {
  customerLogin,
  customerLogout,
  customerSignUp,
  type CustomerSession,
  type CustomerSignUpInput,
  type MemberResult,
} from './accounts.js';
import type { Loaders } from './loaders.js';
import { loyaltyResolvers } from './loyalty/resolvers.js';
import { maskEmail, maskPhone } from './masking.js';
import { listMembers, type Member, type MemberFilter, type MemberSortKey } from './service.js';

type Ctx = SubgraphContext<Loaders>;

function sessionPayload(result: MemberResult<CustomerSession>) {
  return result.ok
    ? { ...result.value, userErrors: [] }
    : { token: null, expiresAt: null, member: null, userErrors: result.errors };
}

const memberResolvers = {
  Query: {
    members: (
      _: unknown,
      args: {
        first?: number; after?: string; last?: number; before?: string;
        filter?: MemberFilter; sortKey?: MemberSortKey; reverse?: boolean;
      },
      ctx: Ctx,
    ) => {
      // Arguments carry no rule at the gateway: searching contact data needs what reading it needs.
      if (args.filter?.contact?.trim() && !scopesOf(ctx.principal).includes('members:read_pii')) {
        throw codedError('FORBIDDEN', 'Filtering members by contact data requires members:read_pii.');
      }
      return listMembers(ctx.db, args);
    },
    member: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.memberById.load(args.id),
    /** The caller's own profile: the member comes from the session, never from arguments. */
    myProfile: async (_: unknown, __: unknown, ctx: Ctx) => {
      if (ctx.principal.kind !== 'customer') return null;
      const row = await ctx.loaders.memberById.load(ctx.principal.memberId);
      return row && { member: row, email: row.email, phone: row.phone };
    },
  },
  Mutation: {
    customerSignUp: async (_: unknown, { input }: { input: CustomerSignUpInput }, ctx: Ctx) =>
      sessionPayload(await withTx(ctx.db, (tx) => customerSignUp(tx, input))),
    // The pool, not a transaction: each attempt must commit before the password is checked (accounts.ts).
    customerLogin: async (_: unknown, { input }: { input: { email: string; password: string } }, ctx: Ctx) =>
      sessionPayload(await customerLogin(ctx.db, input, ctx.clientAddress ?? null)),
    customerLogout: async (_: unknown, { input }: { input: { allSessions?: boolean | null } }, ctx: Ctx) => {
      const { principal } = ctx;
      if (principal.kind !== 'customer') throw codedError('UNAUTHENTICATED', 'Sign in as a customer first.');
      const result = await customerLogout(ctx.db, principal, input);
      return result.ok ? { endedSessions: result.value, userErrors: [] } : { endedSessions: 0, userErrors: result.errors };
    },
  },
  Member: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.memberById.load(ref.id),
    maskedEmail: (row: Member) => maskEmail(row.email),
    maskedPhone: (row: Member) => (row.phone ? maskPhone(row.phone) : null),
  },
};

/** The members resolver map: the member's own resolvers with each sub-area's merged in. */
export const resolvers = {
  Query: { ...memberResolvers.Query, ...loyaltyResolvers.Query },
  Mutation: { ...memberResolvers.Mutation, ...loyaltyResolvers.Mutation },
  Member: { ...memberResolvers.Member, ...loyaltyResolvers.Member },
  MyPoints: loyaltyResolvers.MyPoints,
  PointsEntry: loyaltyResolvers.PointsEntry,
  StoreCreditEntry: loyaltyResolvers.StoreCreditEntry,
  TierRule: loyaltyResolvers.TierRule,
};
