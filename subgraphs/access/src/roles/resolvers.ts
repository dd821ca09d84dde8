// Roles: GraphQL resolvers of the role list, role writes and the Role type.
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { scopesOfRole } from '../service.js';
import { listRoles, roleCreate, roleUpdate } from './service.js';

export const roleResolvers: Resolvers = {
  Query: {
    roles: (_, __, ctx) => listRoles(ctx.db),
  },
  Mutation: {
    roleCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => roleCreate(tx, ctx.principal, input)), (role) => ({ role })),
    roleUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => roleUpdate(tx, ctx.principal, input, changes)), (role) => ({ role })),
  },
  Role: {
    // A fresh array: the built-in roles' scope lists are shared and read-only.
    scopes: (row) => [...scopesOfRole(row)],
  },
};
