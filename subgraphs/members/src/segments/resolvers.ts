// GraphQL resolvers of segments: preview, list, one segment with its members, Member.segments, and the writes.
import { codedError, money, scopesOf, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import type { SegmentRulesInput } from './rules.js';
import type { SegmentRow } from './tables.js';
import { archiveSegment, createSegment, listSegments, previewSegment, segmentMembers, updateSegment } from './service.js';

const segmentPayload = (segment: SegmentRow) => ({ segment });

/**
 * A birthday is contact data (members:read_pii): a birthday-month rule would
 * tell its month to a caller who may not read it, so writing one needs what
 * reading a birthday needs, as searching members by email does.
 */
function assertMayUseRules(rules: SegmentRulesInput | null | undefined, ctx: SubgraphContext<Loaders>): void {
  const birthday = rules?.groups.some((group) => group.rules.some((rule) => rule.kind === 'BIRTHDAY_MONTH'));
  if (birthday && !scopesOf(ctx.principal).includes('members:read_pii')) {
    throw codedError('FORBIDDEN', 'A birthday-month rule requires members:read_pii.');
  }
}

export const segmentResolvers: Resolvers = {
  Query: {
    segmentPreview: async (_, { rules: input }, ctx) => {
      assertMayUseRules(input, ctx);
      const preview = await previewSegment(ctx.db, input);
      return preview.ok ? { ...preview.value, userErrors: [] } : { count: null, sample: null, userErrors: preview.errors };
    },
    segments: (_, args, ctx) => listSegments(ctx.db, args),
    segment: (_, { id }, ctx) => ctx.loaders.segmentById.load(id),
  },
  Mutation: {
    segmentCreate: async (_, { input }, ctx) => {
      assertMayUseRules(input.rules, ctx);
      return payload(await mutate(ctx, (tx, changes) => createSegment(tx, input, changes)), segmentPayload);
    },
    segmentUpdate: async (_, { input }, ctx) => {
      assertMayUseRules(input.rules, ctx);
      return payload(await mutate(ctx, (tx, changes) => updateSegment(tx, input.id, input, changes)), segmentPayload);
    },
    segmentArchive: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => archiveSegment(tx, input.id, changes)), segmentPayload),
  },
  Member: {
    segments: (row, _, ctx) => ctx.loaders.segmentsByMemberId.load(row.id),
  },
  Segment: {
    __resolveReference: (ref, ctx) => ctx.loaders.segmentById.load(ref.id),
    members: (row, args, ctx) => segmentMembers(ctx.db, row.id, args),
  },
  SegmentRule: {
    amount: (rule) => (rule.kind === 'SPENT' ? money(rule.amountMinor, rule.currencyCode) : null),
    withinDays: (rule) => ('withinDays' in rule ? rule.withinDays : null),
    minOrders: (rule) => (rule.kind === 'ORDERS_COUNT' ? rule.minOrders : null),
    maxOrders: (rule) => (rule.kind === 'ORDERS_COUNT' ? rule.maxOrders : null),
    days: (rule) => ('days' in rule ? rule.days : null),
    tiers: (rule) => (rule.kind === 'TIER' ? rule.tiers : null),
    tag: (rule) => (rule.kind === 'TAG' ? rule.tag : null),
    channels: (rule) => (rule.kind === 'ACQUISITION_CHANNEL' ? rule.channels : null),
    countryCodes: (rule) => (rule.kind === 'REGION' ? rule.countryCodes : null),
    month: (rule) => (rule.kind === 'BIRTHDAY_MONTH' ? rule.month : null),
    consentChannel: (rule) => (rule.kind === 'CONSENT' ? rule.consentChannel : null),
  },
};

/** Who may enter segments' queries and mutations (the gateway checked the scopes). */
export const segmentPermissions: EntryPointRules = {
  Query: { segmentPreview: rules.operator, segments: rules.operator, segment: rules.operator },
  Mutation: { segmentCreate: rules.operator, segmentUpdate: rules.operator, segmentArchive: rules.operator },
};
