import type { SubgraphContext } from '@shop/kit';
import type { Loaders } from './loaders.js';
import { listMembers, type MemberFilter, type MemberSortKey } from './service.js';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Query: {
    members: (
      _: unknown,
      args: {
        first?: number; after?: string; last?: number; before?: string;
        filter?: MemberFilter; sortKey?: MemberSortKey; reverse?: boolean;
      },
      ctx: Ctx,
    ) => listMembers(ctx.db, args),
    member: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.memberById.load(args.id),
  },
  Member: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.memberById.load(ref.id),
  },
};
