// The group-buy rule source: the group price as a UNIT_PRICE rule, and the member's place taken at checkout.
import { ok, type Db, type Result } from '@shop/kit';
import type { CommitOutcome, PlacedPricing, PricingRequest, RuleSource } from '../pricing/sources.js';
import type { PricingReason, PricingRule } from '../pricing/types.js';
import {
  activeCampaignForProduct,
  campaignById,
  groupWithCampaign,
  holdsPlace,
  joinGroup,
  openGroup,
  releasePlace,
  type PlaceErrorCode,
} from './places.js';
import type { GroupBuyCampaignRow, GroupBuyGroupRow } from './tables.js';
import { groupBuyFail } from '../errors/index.js';

/** Group-buy prices combine with paying by points or store credit, nothing else. */
const COMBINES_WITH = ['POINTS', 'STORE_CREDIT'] as const;

type Choice = NonNullable<PricingRequest['groupBuy']>;

/** What the request names: a group to join (with its campaign), or the campaign to open a group of. */
async function resolveChoice(tx: Db, choice: Choice, at: Date) {
  if ('groupId' in choice) {
    const found = await groupWithCampaign(tx, choice.groupId);
    return found ? { ...found, ruleId: `group:${found.group.id}` } : null;
  }
  const campaign =
    'openForCampaignId' in choice ? await campaignById(tx, choice.openForCampaignId) : await activeCampaignForProduct(tx, choice.openForProductId, at);
  return campaign ? { campaign, group: null, ruleId: `group:new:${campaign.id}` } : null;
}

/** Why the member cannot have the group price, when the source knows it already. */
async function blockedReason(
  tx: Db,
  request: PricingRequest,
  campaign: GroupBuyCampaignRow,
  group: GroupBuyGroupRow | null,
): Promise<PricingReason | undefined> {
  const { cart } = request;
  if (cart.currencyCode !== campaign.currencyCode) return { code: 'CURRENCY_MISMATCH', params: { currencyCode: campaign.currencyCode } };
  if (!group) return campaign.archivedAt ? { code: 'ENDED', params: { endsAt: campaign.archivedAt.toISOString() } } : undefined;
  if (group.status !== 'OPEN' || group.expiresAt <= cart.at) return { code: 'ENDED', params: { endsAt: group.expiresAt.toISOString() } };
  if (cart.member && (await holdsPlace(tx, group.id, cart.member.id))) return { code: 'LIMIT_REACHED', params: { limit: '1' } };
  if (group.placesTaken >= group.size) return { code: 'SOLD_OUT', params: {} };
  return undefined;
}

async function rules(tx: Db, request: PricingRequest): Promise<PricingRule[]> {
  if (!request.groupBuy) return [];
  const found = await resolveChoice(tx, request.groupBuy, request.cart.at);
  if (!found) return [];
  const { campaign, group, ruleId } = found;
  const blocked = await blockedReason(tx, request, campaign, group);
  return [
    {
      id: ruleId,
      source: 'GROUP_BUY',
      title: campaign.titles,
      stage: 'ITEM',
      priority: 0,
      scope: { kind: 'PRODUCTS', ids: [campaign.productId] },
      effect: { kind: 'UNIT_PRICE', unitPriceMinor: campaign.groupPriceMinor },
      group: 'GROUP_BUY',
      combinesWith: COMBINES_WITH,
      conditions: {
        memberOnly: true,
        // Joining is bound by the group's deadline; opening by the campaign's schedule.
        startsAt: group ? undefined : campaign.startsAt,
        endsAt: group ? group.expiresAt : campaign.endsAt,
      },
      ...(blocked ? { blocked } : {}),
    },
  ];
}

/** A rejected group-buy rule's reason as the checkout's userError (its catalogue key). */
const REFUSALS = {
  SOLD_OUT: 'GROUP_BUY_FULL',
  LIMIT_REACHED: 'GROUP_BUY_ALREADY_JOINED',
  ENDED: 'GROUP_BUY_CLOSED',
  NOT_STARTED: 'GROUP_BUY_CLOSED:notStarted',
  SIGN_IN_REQUIRED: 'GROUP_BUY_SIGN_IN_REQUIRED',
} as const;

/**
 * At placement: the group price applied, so the member's order takes its place
 * (opening the group when asked). A purchase that asked for a group buy but did
 * not get its price is refused, so nobody joins at the full price by surprise.
 */
async function commit(tx: Db, placed: PlacedPricing): Promise<Result<CommitOutcome, PlaceErrorCode>> {
  const choice = placed.request.groupBuy;
  if (!choice) return ok({});
  const field = ['input', 'groupBuy'];
  if (!placed.memberId) return groupBuyFail('GROUP_BUY_SIGN_IN_REQUIRED', field);
  const at = placed.request.cart.at;
  const found = await resolveChoice(tx, choice, at);
  if (!found) return groupBuyFail('GROUP_BUY_NOT_FOUND', field);
  const applied = placed.result.applied.some((a) => a.ruleId === found.ruleId);
  if (!applied) {
    const reason = placed.result.rejected.find((r) => r.ruleId === found.ruleId)?.reason.code;
    return groupBuyFail(REFUSALS[reason as keyof typeof REFUSALS] ?? 'GROUP_BUY_NOT_APPLIED', field);
  }
  const input = { memberId: placed.memberId, orderId: placed.orderId, at };
  const taken = found.group ? await joinGroup(tx, { ...input, groupId: found.group.id }) : await openGroup(tx, { ...input, campaign: found.campaign });
  return taken.ok ? ok({}) : taken;
}

export const groupBuySource: RuleSource = {
  name: 'group-buys',
  rules,
  commit,
  release: releasePlace,
};
