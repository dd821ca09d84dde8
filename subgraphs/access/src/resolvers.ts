import type { SubgraphContext } from '@shop/kit';
import type { Loaders } from './loaders.js';
import { staffIdOf } from './service.js';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Ctx) => {
      const id = staffIdOf(ctx.principal);
      return id === null ? null : ctx.loaders.staffById.load(id);
    },
  },
  Staff: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.staffById.load(ref.id),
  },
};
