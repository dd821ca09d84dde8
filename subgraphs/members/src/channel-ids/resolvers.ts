// GraphQL resolvers of members' LINE and WeChat ids: staff link and unlink any member's, a customer their own.
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { mayRead } from '../../../../schema/data-classes.js';
import { customerOf } from '../accounts/resolvers.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Member } from '../service.js';
import { linkChannelId, unlinkChannelId } from './service.js';

const memberPayload = (member: Member) => ({ member });

export const channelIdResolvers: Resolvers = {
  Mutation: {
    memberChannelLink: async (_, { input }, ctx) =>
      payload(
        await mutate(ctx, (tx, changes) => linkChannelId(tx, input, changes, { memberId: ['input', 'memberId'], externalId: ['input', 'externalId'] })),
        memberPayload,
      ),
    memberChannelUnlink: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => unlinkChannelId(tx, input, changes, ['input', 'memberId'])), memberPayload),
    myChannelLink: async (_, { input }, ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(
        await mutate(ctx, (tx, changes) => linkChannelId(tx, { ...input, memberId }, changes, { memberId: null, externalId: ['input', 'externalId'] })),
        memberPayload,
      );
    },
    myChannelUnlink: async (_, { input }, ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => unlinkChannelId(tx, { ...input, memberId }, changes, null)), memberPayload);
    },
  },
  Member: {
    // Contact data: the gateway checks the class rule; this keeps the subgraph safe on its own. The row already
    // passed its row rule (staff, or the customer's own) in memberById.
    channelIds: async (row, _, ctx) =>
      mayRead('pii', ctx.principal, { own: ctx.principal.kind === 'customer' && ctx.principal.memberId === row.id })
        ? ctx.loaders.channelIdsByMember.load(row.id)
        : null,
    linkedChannels: async (row, _, ctx) => (await ctx.loaders.channelIdsByMember.load(row.id)).map((link) => link.channel as 'LINE' | 'WECHAT'),
  },
  MemberChannelId: {
    linkedAt: (row) => row.updatedAt,
  },
};

export const channelIdPermissions: EntryPointRules = {
  Mutation: { memberChannelLink: rules.operator, memberChannelUnlink: rules.operator, myChannelLink: rules.customer, myChannelUnlink: rules.customer },
};
