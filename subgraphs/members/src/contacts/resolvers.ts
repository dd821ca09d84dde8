// GraphQL resolvers of the contact log.
import { mutate, payload } from '@shop/kit/mutation';
import { codedError, type SubgraphContext } from '@shop/kit';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import { addContactLogEntry, contactLogOf, followUpsDue, markFollowUpDone } from './service.js';
import type { ContactLogRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

/** The staff member acting: the log records who talked to the member, so only a staff session writes it. */
function staffIdOf(ctx: Ctx): string {
  if (ctx.principal.kind !== 'staff') throw codedError('FORBIDDEN', 'Only staff write the contact log.');
  return ctx.principal.staffId;
}

const entryPayload = (entry: ContactLogRow) => ({ entry });

export const contactResolvers: Resolvers = {
  Query: {
    memberContactLog: (_, args, ctx) => contactLogOf(ctx.db, args.memberId, args),
    contactFollowUpsDue: (_, args, ctx) => followUpsDue(ctx.db, args),
  },
  Mutation: {
    contactLogAdd: async (_, { input }, ctx) => {
      const staffId = staffIdOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => addContactLogEntry(tx, staffId, input, changes)), entryPayload);
    },
    contactFollowUpDone: async (_, { input }, ctx) => {
      staffIdOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => markFollowUpDone(tx, input.id, changes)), entryPayload);
    },
  },
  ContactLogEntry: {
    member: (row, _, ctx) => ctx.loaders.memberById.load(row.memberId),
    staff: (row) => ({ __typename: 'Staff', id: row.staffId }),
  },
};
