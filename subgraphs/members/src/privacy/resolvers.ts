// GraphQL resolvers of privacy requests: asking for an export or erasure, and reading their progress and download link.
import { requireStepUp, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import { exportDownloadPath } from './link.js';
import { privacyRequestsOf, requestPrivacy } from './service.js';

type Ctx = SubgraphContext<Loaders>;

const staffIdOf = (ctx: Ctx) => (ctx.principal.kind === 'staff' ? ctx.principal.staffId : null);

export const privacyResolvers: Resolvers = {
  Query: {
    privacyRequest: (_, { id }, ctx) => ctx.loaders.privacyRequestById.load(id),
  },
  Mutation: {
    memberDataExport: async (_, { input }, ctx) => {
      requireStepUp(ctx.principal, "export a member's data");
      const result = await mutate(ctx, (tx, changes) =>
        requestPrivacy(tx, { memberId: input.memberId, kind: 'EXPORT', requestedBy: staffIdOf(ctx) }, changes),
      );
      return payload(result, (privacyRequest) => ({ privacyRequest }));
    },
    memberErase: async (_, { input }, ctx) => {
      requireStepUp(ctx.principal, "erase a member's data");
      const result = await mutate(ctx, (tx, changes) =>
        requestPrivacy(tx, { memberId: input.memberId, kind: 'ERASE', reason: input.reason, requestedBy: staffIdOf(ctx) }, changes),
      );
      return payload(result, (privacyRequest) => ({ privacyRequest }));
    },
  },
  Member: {
    privacyRequests: (row, args, ctx) => privacyRequestsOf(ctx.db, row.id, args),
  },
  PrivacyRequest: {
    member: (row, _, ctx) => ctx.loaders.memberById.load(row.memberId),
    requestedBy: (row) => (row.requestedBy ? { __typename: 'Staff', id: row.requestedBy } : null),
    parts: async (row, _, ctx) =>
      (await ctx.loaders.privacyPartsByRequest.load(row.id)).map((part) => ({ domain: part.domain, done: part.doneAt !== null })),
    downloadUrl: (row) => (row.kind === 'EXPORT' && row.status === 'DONE' ? exportDownloadPath(row.id) : null),
  },
};

/** Who may enter privacy's queries and mutations (the gateway checked scopes and step-up). */
export const privacyPermissions: EntryPointRules = {
  Query: { privacyRequest: rules.staff },
  Mutation: { memberDataExport: rules.staff, memberErase: rules.staff },
};
