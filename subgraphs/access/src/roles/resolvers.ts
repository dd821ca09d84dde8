// Roles: GraphQL resolvers of the role list, role writes and the Role type.
import type { SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from '../loaders.js';
import { scopesOfRole } from '../service.js';
import type { RoleRow } from '../tables.js';
import { listRoles, roleCreate, roleUpdate } from './service.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

export const roleResolvers = {
  Query: {
    roles: (_: unknown, __: unknown, ctx: Ctx) => listRoles(ctx.db),
  },
  Mutation: {
    roleCreate: async (_: unknown, { input }: Input<{ name: string; title: string; scopes: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => roleCreate(tx, ctx.principal, input)), (role) => ({ role })),
    roleUpdate: async (
      _: unknown,
      { input }: Input<{ id: string; title?: string | null; scopes?: string[] | null }>,
      ctx: Ctx,
    ) => payload(await mutate(ctx, (tx, changes) => roleUpdate(tx, ctx.principal, input, changes)), (role) => ({ role })),
  },
  Role: {
    scopes: (row: RoleRow) => scopesOfRole(row),
  },
};
