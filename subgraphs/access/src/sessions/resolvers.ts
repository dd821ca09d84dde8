// Staff sessions: GraphQL resolvers of login, logout and step-up confirmation.
import { codedError, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from '../loaders.js';
import { staffLogin, staffLogout, stepUpConfirm, type StaffActor } from './service.js';

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

/** Where the request came from, as the gateway forwards it; null when it cannot tell. */
const clientAddressOf = (ctx: Ctx) => ctx.clientAddress ?? null;

export const sessionResolvers = {
  Mutation: {
    staffLogin: async (_: unknown, { input }: Input<{ email: string; password: string }>, ctx: Ctx) =>
      payload(await staffLogin(ctx.db, input, clientAddressOf(ctx)), (value) => value),
    staffLogout: async (_: unknown, { input }: Input<{ allSessions?: boolean | null }>, ctx: Ctx) => {
      const actor = staffActor(ctx);
      return payload(await mutate(ctx, (tx) => staffLogout(tx, actor, input)), (value) => value);
    },
    stepUpConfirm: async (_: unknown, { input }: Input<{ password: string }>, ctx: Ctx) =>
      payload(await stepUpConfirm(ctx.db, staffActor(ctx), input, clientAddressOf(ctx)), (value) => value),
  },
};
