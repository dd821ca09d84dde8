// Staff accounts: GraphQL resolvers of the account list, "me", account writes and the Staff type.
import { codedError, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { mayRead } from '../../../../schema/data-classes.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import { staffIdOf, unionOfScopes } from '../service.js';
import { listStaff, staffCreate, staffDisable, staffUpdate, type Staff } from './service.js';

type Ctx = SubgraphContext<Loaders>;

/**
 * Row rule of staff account data: the gateway lets every staff session through
 * with staff:self, so here the account must be the caller's own, unless the
 * caller administers or audits access.
 */
function accountField<T>(read: (row: Staff, ctx: Ctx) => T | Promise<T>) {
  return (row: Staff, _: unknown, ctx: Ctx) => {
    const own = ctx.principal.kind === 'staff' && ctx.principal.staffId === row.id;
    if (!mayRead('staffAccounts', ctx.principal, { own })) {
      throw codedError('FORBIDDEN', "A staff member's account data is for themselves, administrators and auditors.");
    }
    return read(row, ctx);
  };
}

export const staffResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => {
      const id = staffIdOf(ctx.principal);
      return id === null ? null : ctx.loaders.staffById.load(id);
    },
    staff: (_, args, ctx) => listStaff(ctx.db, args),
  },
  Mutation: {
    staffCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => staffCreate(tx, ctx.principal, input)), (staff) => ({ staff })),
    staffUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => staffUpdate(tx, ctx.principal, input, changes)), (staff) => ({ staff })),
    staffDisable: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => staffDisable(tx, ctx.principal, input)), (staff) => ({ staff })),
  },
  Staff: {
    __resolveReference: (ref, ctx) => ctx.loaders.staffById.load(ref.id),
    email: accountField((row) => row.email),
    disabled: accountField((row) => row.disabled),
    lastLoginAt: accountField((row) => row.lastLoginAt),
    roles: accountField(async (row, ctx) => (await ctx.loaders.rolesByStaffId.load(row.id)).map((granted) => granted.role)),
    scopes: accountField(async (row, ctx) =>
      unionOfScopes((await ctx.loaders.rolesByStaffId.load(row.id)).map((granted) => granted.role)),
    ),
  },
};
