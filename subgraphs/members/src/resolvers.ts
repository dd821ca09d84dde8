// GraphQL resolvers of members: the member list and profile, staff writes, merged with each sub-area's resolvers.
import { mutate, payload } from '@shop/kit/mutation';
import { codedError, mergeResolvers, requireStepUp, scopesOf, type SubgraphContext } from '@shop/kit';
import { mayRead } from '../../../schema/data-classes.js';
import { accountResolvers } from './accounts/resolvers.js';
import { addressResolvers } from './addresses/resolvers.js';
import { setConsents } from './consents/index.js';
import { contactResolvers } from './contacts/resolvers.js';
import { dashboardResolvers } from './dashboard/resolvers.js';
import { eventResolvers } from './events/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { Loaders } from './loaders.js';
import { loyaltyResolvers } from './loyalty/resolvers.js';
import { mergeMembers } from './merge/index.js';
import { passwordResetResolvers } from './password-reset/resolvers.js';
import { wishlistResolvers } from './wishlist/resolvers.js';
import { maskEmail, maskPhone } from './pii/index.js';
import { privacyResolvers } from './privacy/resolvers.js';
import {
  createMember,
  disableMember,
  enableMember,
  isContactQuery,
  listMembers,
  MEMBER_COUNT_CAP,
  setMemberTags,
  updateMember,
  type Member,
} from './service.js';
import { recommendationResolvers } from './recommendations/resolvers.js';
import { segmentResolvers } from './segments/resolvers.js';
import { statisticsResolvers } from './statistics/resolvers.js';

type Ctx = SubgraphContext<Loaders>;

const memberPayload = (member: Member) => ({ member });

/** The staff member acting, for the consent history; partners act without a name. */
const staffIdOf = (ctx: Ctx) => (ctx.principal.kind === 'staff' ? ctx.principal.staffId : null);

const LOCALES = { en: 'en', th: 'th', zh_CN: 'zh-CN', zh_TW: 'zh-TW', ar: 'ar' } as const;

const core: Resolvers = {
  Query: {
    members: (_, args, ctx) => {
      // Arguments carry no rule at the gateway: searching contact data needs what reading it needs,
      // or the list would confirm an email or phone number the caller may not read.
      const mayReadPii = scopesOf(ctx.principal).includes('members:read_pii');
      const query = args.filter?.query?.trim();
      if (!mayReadPii && (args.filter?.contact?.trim() || (query && isContactQuery(query)))) {
        throw codedError('FORBIDDEN', 'Searching members by email or phone number requires members:read_pii.');
      }
      return listMembers(ctx.db, args, mayReadPii);
    },
    member: (_, args, ctx) => ctx.loaders.memberById.load(args.id),
  },
  Mutation: {
    memberCreate: async (_, { input }, ctx) => {
      const result = await mutate(ctx, async (tx, changes) => {
        const created = await createMember(tx, { ...input.profile, displayName: input.profile.displayName ?? '', email: input.profile.email ?? '', tags: input.tags }, changes);
        if (!created.ok || !input.consents?.length) return created;
        const consented = await setConsents(tx, created.value.id, input.consents, { source: 'CONSOLE', staffId: staffIdOf(ctx) }, changes);
        return consented.ok ? created : consented;
      });
      return payload(result, memberPayload);
    },
    memberUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateMember(tx, input.id, input.profile, changes)), memberPayload),
    memberTagsSet: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => setMemberTags(tx, input.id, input.tags, changes)), memberPayload),
    memberConsentSet: async (_, { input }, ctx) => {
      const result = await mutate(ctx, async (tx, changes) => {
        const touched = await updateMember(tx, input.id, {}, changes);
        if (!touched.ok) return touched;
        const consented = await setConsents(tx, input.id, input.consents, { source: 'CONSOLE', staffId: staffIdOf(ctx) }, changes);
        return consented.ok ? touched : consented;
      });
      return payload(result, memberPayload);
    },
    memberDisable: async (_, { input }, ctx) => {
      requireStepUp(ctx.principal, 'disable a member');
      return payload(await mutate(ctx, (tx, changes) => disableMember(tx, input.id, changes)), memberPayload);
    },
    memberEnable: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => enableMember(tx, input.id, changes)), memberPayload),
    memberMerge: async (_, { input }, ctx) => {
      requireStepUp(ctx.principal, 'merge members');
      return payload(await mutate(ctx, (tx, changes) => mergeMembers(tx, input, changes)), (merged) => merged);
    },
  },
  // The service counts one past the cap, so a count above it reads as the cap, at least.
  MemberConnection: {
    totalCount: async (connection) => Math.min(await connection.totalCount(), MEMBER_COUNT_CAP),
    totalCountPrecision: async (connection) => ((await connection.totalCount()) > MEMBER_COUNT_CAP ? 'AT_LEAST' : 'EXACT'),
  },
  Member: {
    __resolveReference: (ref, ctx) => ctx.loaders.memberById.load(ref.id),
    maskedEmail: (row) => maskEmail(row.email),
    // The E.164 form when known, so the calling code shows whichever way the number was typed.
    maskedPhone: (row) => (row.phone ? maskPhone(row.phoneE164 ?? row.phone) : null),
    consents: (row, _, ctx) => ctx.loaders.consentsByMember.load(row.id),
    consentHistory: (row, _, ctx) => ctx.loaders.consentHistoryByMember.load(row.id),
    addresses: (row, _, ctx) => ctx.loaders.addressesByMember.load(row.id),
    disabled: (row) => row.disabledAt !== null,
    mergedInto: (row, _, ctx) => (row.mergedIntoId ? ctx.loaders.memberById.load(row.mergedIntoId) : null),
    // Internal notes: the gateway checks the class rule; this keeps the subgraph safe on its own.
    notes: (row, _, ctx) => (mayRead('memberNotes', ctx.principal) ? row.notes : null),
  },
  MemberConsentChange: {
    staff: (row) => (row.staffId ? { __typename: 'Staff', id: row.staffId } : null),
  },
  MemberLocale: LOCALES,
};

/** The members resolver map: the member's own resolvers with each sub-area's merged in. */
export const resolvers = mergeResolvers<Resolvers>(core, accountResolvers, addressResolvers, contactResolvers, loyaltyResolvers, passwordResetResolvers, wishlistResolvers, eventResolvers, statisticsResolvers, privacyResolvers, recommendationResolvers, segmentResolvers, dashboardResolvers);
