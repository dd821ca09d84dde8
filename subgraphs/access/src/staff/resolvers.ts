// Staff accounts: GraphQL resolvers of the account list, "me", account writes and the Staff type.
import { codedError, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { mayRead } from '../../../../schema/data-classes.js';
import type { Loaders } from '../loaders.js';
import { staffIdOf, unionOfScopes } from '../service.js';
import {
  listStaff,
  staffCreate,
  staffDisable,
  staffUpdate,
  type Staff,
  type StaffCreateInput,
  type StaffFilter,
  type StaffUpdateInput,
} from './service.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

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

export const staffResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Ctx) => {
      const id = staffIdOf(ctx.principal);
      return id === null ? null : ctx.loaders.staffById.load(id);
    },
    staff: (_: unknown, args: ConnectionArgs & { filter?: StaffFilter }, ctx: Ctx) => listStaff(ctx.db, args),
  },
  Mutation: {
    staffCreate: async (_: unknown, { input }: Input<StaffCreateInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => staffCreate(tx, ctx.principal, input)), (staff) => ({ staff })),
    staffUpdate: async (_: unknown, { input }: Input<StaffUpdateInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => staffUpdate(tx, ctx.principal, input, changes)), (staff) => ({ staff })),
    staffDisable: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => staffDisable(tx, ctx.principal, input)), (staff) => ({ staff })),
  },
  Staff: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.staffById.load(ref.id),
    email: accountField((row) => row.email),
    disabled: accountField((row) => row.disabled),
    lastLoginAt: accountField((row) => row.lastLoginAt),
    roles: accountField(async (row, ctx) => (await ctx.loaders.rolesByStaffId.load(row.id)).map((granted) => granted.role)),
    scopes: accountField(async (row, ctx) =>
      unionOfScopes((await ctx.loaders.rolesByStaffId.load(row.id)).map((granted) => granted.role)),
    ),
  },
};
