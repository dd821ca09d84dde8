// GraphQL resolvers of the contact log.
import { mutate, payload } from '@shop/kit/mutation';
import { codedError, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import type { Loaders } from '../loaders.js';
import { addContactLogEntry, contactLogOf, followUpsDue, markFollowUpDone, type ContactLogAddInput } from './service.js';
import type { ContactLogRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

/** The staff member acting: the log records who talked to the member, so only a staff session writes it. */
function staffIdOf(ctx: Ctx): string {
  if (ctx.principal.kind !== 'staff') throw codedError('FORBIDDEN', 'Only staff write the contact log.');
  return ctx.principal.staffId;
}

const entryPayload = (entry: ContactLogRow) => ({ entry });

export const contactResolvers = {
  Query: {
    memberContactLog: (_: unknown, args: ConnectionArgs & { memberId: string }, ctx: Ctx) => contactLogOf(ctx.db, args.memberId, args),
    contactFollowUpsDue: (_: unknown, args: ConnectionArgs & { asOf?: string | null }, ctx: Ctx) => followUpsDue(ctx.db, args),
  },
  Mutation: {
    contactLogAdd: async (_: unknown, { input }: { input: ContactLogAddInput }, ctx: Ctx) => {
      const staffId = staffIdOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => addContactLogEntry(tx, staffId, input, changes)), entryPayload);
    },
    contactFollowUpDone: async (_: unknown, { input }: { input: { id: string } }, ctx: Ctx) => {
      staffIdOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => markFollowUpDone(tx, input.id, changes)), entryPayload);
    },
  },
  ContactLogEntry: {
    member: (row: ContactLogRow, _: unknown, ctx: Ctx) => ctx.loaders.memberById.load(row.memberId),
    staff: (row: ContactLogRow) => ({ __typename: 'Staff', id: row.staffId }),
  },
};
