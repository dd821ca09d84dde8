// GraphQL resolvers of access: staff, roles, API keys, sessions and step-up.
import { codedError, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { mayRead } from '../../../schema/data-classes.js';
import { SCOPES } from '../../../schema/scopes.js';
import { auditQueryResolvers } from './audit/resolvers.js';
import type { Loaders } from './loaders.js';
import {
  apiKeyCreate,
  apiKeyRevoke,
  listApiKeys,
  listRoles,
  listStaff,
  roleCreate,
  roleUpdate,
  scopesOfRole,
  staffCreate,
  staffDisable,
  staffIdOf,
  staffUpdate,
  unionOfScopes,
  type StaffCreateInput,
  type StaffFilter,
  type StaffUpdateInput,
  type Staff,
} from './service.js';
import { staffLogin, staffLogout, stepUpConfirm, type StaffActor } from './sessions/service.js';
import type { RoleRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

/**
 * The signed-in staff member behind the request. The gateway's policy and the
 * entry-point rules (permissions.ts) admit only staff here; this narrows the type.
 */
function staffActor(ctx: Ctx): StaffActor {
  if (ctx.principal.kind !== 'staff') throw codedError('UNAUTHENTICATED', 'Sign in as staff first.');
  return { staffId: ctx.principal.staffId, sessionId: ctx.principal.sessionId };
}

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

/** Where the request came from, as the gateway forwards it; null when it cannot tell. */
const clientAddressOf = (ctx: Ctx) => ctx.clientAddress ?? null;

export const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Ctx) => {
      const id = staffIdOf(ctx.principal);
      return id === null ? null : ctx.loaders.staffById.load(id);
    },
    staff: (_: unknown, args: ConnectionArgs & { filter?: StaffFilter }, ctx: Ctx) => listStaff(ctx.db, args),
    roles: (_: unknown, __: unknown, ctx: Ctx) => listRoles(ctx.db),
    scopes: () => Object.entries(SCOPES).map(([id, scope]) => ({ id, ...scope })),
    apiKeys: (_: unknown, args: ConnectionArgs, ctx: Ctx) => listApiKeys(ctx.db, args),
    ...auditQueryResolvers,
  },
  Mutation: {
    staffLogin: async (_: unknown, { input }: Input<{ email: string; password: string }>, ctx: Ctx) =>
      payload(await staffLogin(ctx.db, input, clientAddressOf(ctx)), (value) => value),
    staffLogout: async (_: unknown, { input }: Input<{ allSessions?: boolean | null }>, ctx: Ctx) => {
      const actor = staffActor(ctx);
      return payload(await mutate(ctx, (tx) => staffLogout(tx, actor, input)), (value) => value);
    },
    staffCreate: async (_: unknown, { input }: Input<StaffCreateInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => staffCreate(tx, ctx.principal, input)), (staff) => ({ staff })),
    staffUpdate: async (_: unknown, { input }: Input<StaffUpdateInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => staffUpdate(tx, ctx.principal, input, changes)), (staff) => ({ staff })),
    staffDisable: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => staffDisable(tx, ctx.principal, input)), (staff) => ({ staff })),
    roleCreate: async (_: unknown, { input }: Input<{ name: string; title: string; scopes: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => roleCreate(tx, ctx.principal, input)), (role) => ({ role })),
    roleUpdate: async (
      _: unknown,
      { input }: Input<{ id: string; title?: string | null; scopes?: string[] | null }>,
      ctx: Ctx,
    ) => payload(await mutate(ctx, (tx, changes) => roleUpdate(tx, ctx.principal, input, changes)), (role) => ({ role })),
    apiKeyCreate: async (
      _: unknown,
      { input }: Input<{ name: string; scopes: string[]; expiresAt?: Date | null }>,
      ctx: Ctx,
    ) => payload(await mutate(ctx, (tx) => apiKeyCreate(tx, ctx.principal, input)), (value) => value),
    apiKeyRevoke: async (_: unknown, { input }: Input<{ id: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => apiKeyRevoke(tx, input)), (apiKey) => ({ apiKey })),
    stepUpConfirm: async (_: unknown, { input }: Input<{ password: string }>, ctx: Ctx) =>
      payload(await stepUpConfirm(ctx.db, staffActor(ctx), input, clientAddressOf(ctx)), (value) => value),
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
  Role: {
    scopes: (row: RoleRow) => scopesOfRole(row),
  },
};
