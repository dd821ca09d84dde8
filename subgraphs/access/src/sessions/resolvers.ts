// Staff sessions: GraphQL resolvers of login, logout and step-up confirmation.
import { codedError, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import { staffLogin, staffLogout, stepUpConfirm, type StaffActor } from './service.js';

type Ctx = SubgraphContext<Loaders>;

/**
 * The signed-in staff member behind the request. The gateway's policy and the
 * entry-point rules (permissions.ts) admit only staff here; this narrows the type.
 */
function staffActor(ctx: Ctx): StaffActor {
  if (ctx.principal.kind !== 'staff') throw codedError('UNAUTHENTICATED', 'Sign in as staff first.');
  return { staffId: ctx.principal.staffId, sessionId: ctx.principal.sessionId };
}

/** Where the request came from, as the gateway forwards it; null when it cannot tell. */
const clientAddressOf = (ctx: Ctx) => ctx.clientAddress ?? null;

export const sessionResolvers: Resolvers = {
  Mutation: {
    staffLogin: async (_, { input }, ctx) =>
      payload(await staffLogin(ctx.db, input, clientAddressOf(ctx)), (value) => value),
    staffLogout: async (_, { input }, ctx) => {
      const actor = staffActor(ctx);
      // Ending sessions cannot fail, and endedSessions is non-null: there is no userErrors branch to map.
      const { value } = await mutate(ctx, (tx) => staffLogout(tx, actor, input));
      return { ...value, userErrors: [] };
    },
    stepUpConfirm: async (_, { input }, ctx) =>
      payload(await stepUpConfirm(ctx.db, staffActor(ctx), input, clientAddressOf(ctx)), (value) => value),
  },
};
