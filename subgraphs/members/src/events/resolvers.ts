// GraphQL resolvers of behaviour events: eventsTrack, Member.behaviour and Product.engagement.
import { mutate } from '@shop/kit/mutation';
import type { SubgraphContext } from '@shop/kit';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import { trackEvents } from './service.js';
import type { MemberBehaviourRow, ProductEngagementRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

/** The member of a customer session; anonymous (and any other caller) sends as a device only. */
const senderOf = (ctx: Ctx) => (ctx.principal.kind === 'customer' ? ctx.principal.memberId : null);

const windowOf = <Row extends { windowDays: number }>(rows: Row[], days: number) => rows.find((row) => row.windowDays === days);

function memberWindow(row: MemberBehaviourRow | undefined) {
  return {
    productViews: row?.views ?? 0,
    addsToCart: row?.addsToCart ?? 0,
    searches: row?.searches ?? 0,
    lastActivityAt: row?.lastActivityAt ?? null,
    topProducts: (row?.topProducts ?? []).map((top) => ({ product: { id: top.productId }, views: top.views })),
    topSources: row?.topSources ?? [],
  };
}

function productWindow(row: ProductEngagementRow | undefined) {
  const views = row?.views ?? 0;
  const addsToCart = row?.addsToCart ?? 0;
  return { views, addsToCart, viewToCartRate: views ? addsToCart / views : null };
}

const newest = (rows: { updatedAt: Date }[]) => new Date(Math.max(...rows.map((row) => row.updatedAt.getTime())));

export const eventResolvers: Resolvers = {
  Mutation: {
    eventsTrack: async (_, { input }, ctx) => {
      const result = await mutate(ctx, (tx) => trackEvents(tx, senderOf(ctx), input));
      return result.ok ? { accepted: result.value.accepted, userErrors: result.value.refused } : { accepted: 0, userErrors: result.errors };
    },
  },
  Member: {
    behaviour: async (row, _, ctx) => {
      // Zero counts before the first summary: a member without events has a behaviour, an empty one.
      const rows = await ctx.loaders.behaviourByMember.load(row.id);
      return {
        last30Days: memberWindow(windowOf(rows, 30)),
        last90Days: memberWindow(windowOf(rows, 90)),
        updatedAt: rows.length ? newest(rows) : null,
      };
    },
  },
  Product: {
    // Products owns the product; this subgraph only adds its engagement, so the id is all it needs.
    __resolveReference: (ref) => ({ id: ref.id }),
    engagement: async (product, _, ctx) => {
      const rows = await ctx.loaders.engagementByProduct.load(product.id);
      if (!rows.length) return null;
      return { last30Days: productWindow(windowOf(rows, 30)), last90Days: productWindow(windowOf(rows, 90)), updatedAt: newest(rows) };
    },
  },
};

/** Who may enter eventsTrack: anyone, a storefront's anonymous device included (the gateway's cost limit applies). */
export const eventPermissions: EntryPointRules = { Mutation: { eventsTrack: rules.public } };
