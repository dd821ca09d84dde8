// Segment rules: the stored JSON shape (checked with zod) and the check that turns the API's input into it.
import { z } from 'zod';
import { currencyExponent, parseDecimal } from '@shop/kit';
import { segmentError, type SegmentError, type SegmentResult } from '../errors/index.js';
import { acquisitionChannel, consentChannel, memberTier } from '../tables.js';

/** Longest window a rule may look back over, in days (ten years). */
export const MAX_DAYS = 3660;
export const RULE_LIMITS = { groups: 10, rulesPerGroup: 20, listValues: 50, tag: 40, orders: 1_000_000 } as const;

const days = z.number().int().min(1).max(MAX_DAYS);

/** One rule as stored: a kind and exactly the parameters it needs. */
export const segmentRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('SPENT'), amountMinor: z.string().regex(/^\d{1,18}$/), currencyCode: z.string().length(3), withinDays: days }),
  z.object({
    kind: z.literal('ORDERS_COUNT'),
    minOrders: z.number().int().min(0).max(RULE_LIMITS.orders),
    maxOrders: z.number().int().min(0).max(RULE_LIMITS.orders).nullable(),
    withinDays: days.nullable(),
  }),
  z.object({ kind: z.literal('LAST_ORDER_BEFORE'), days }),
  z.object({ kind: z.literal('LAST_ORDER_WITHIN'), days }),
  z.object({ kind: z.literal('TIER'), tiers: z.array(z.enum(memberTier.enumValues)).min(1) }),
  z.object({ kind: z.literal('TAG'), tag: z.string().min(1).max(RULE_LIMITS.tag) }),
  z.object({ kind: z.literal('ACQUISITION_CHANNEL'), channels: z.array(z.enum(acquisitionChannel.enumValues)).min(1) }),
  z.object({ kind: z.literal('REGION'), countryCodes: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).max(RULE_LIMITS.listValues) }),
  z.object({ kind: z.literal('BIRTHDAY_MONTH'), month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('CONSENT'), consentChannel: z.enum(consentChannel.enumValues) }),
  z.object({ kind: z.literal('COUPON_USED') }),
]);

/** Groups combined with OR; the rules of a group with AND. */
export const segmentRules = z.object({
  groups: z.array(z.object({ rules: z.array(segmentRule).min(1).max(RULE_LIMITS.rulesPerGroup) })).min(1).max(RULE_LIMITS.groups),
});

export type SegmentRule = z.infer<typeof segmentRule>;
export type SegmentRules = z.infer<typeof segmentRules>;
export type SegmentRuleKind = SegmentRule['kind'];

/** What a rule's value must be; each has its INVALID_RULE sentence in the catalogue. */
type RuleRequirement = 'days' | 'amount' | 'count' | 'countRange' | 'oneOrMore' | 'tag' | 'countryCodes' | 'month' | 'consentChannel';

/** A rule as the API takes it (SegmentRuleInput): a kind and the parameters of every kind, the unused ones absent. */
export interface SegmentRuleInput {
  kind: SegmentRuleKind;
  amount?: string | null;
  currencyCode?: string | null;
  withinDays?: number | null;
  minOrders?: number | null;
  maxOrders?: number | null;
  days?: number | null;
  tiers?: readonly (typeof memberTier.enumValues)[number][] | null;
  tag?: string | null;
  channels?: readonly (typeof acquisitionChannel.enumValues)[number][] | null;
  countryCodes?: readonly string[] | null;
  month?: number | null;
  consentChannel?: (typeof consentChannel.enumValues)[number] | null;
}

export interface SegmentRulesInput {
  groups: readonly { rules: readonly SegmentRuleInput[] }[];
}

const isDays = (value: number | null | undefined): value is number => days.safeParse(value).success;

/**
 * Checks one rule's parameters for its kind and returns the stored form, or
 * the errors, each at the path of the parameter at fault.
 */
function checkRule(input: SegmentRuleInput, path: string[]): { rule?: SegmentRule; errors: SegmentError[] } {
  const errors: SegmentError[] = [];
  const invalid = (field: string, requirement: RuleRequirement) => errors.push(segmentError(`INVALID_RULE:${requirement}`, [...path, field]));
  const requireDays = (field: 'withinDays' | 'days', value: number | null | undefined, optional = false) => {
    if (value == null && optional) return null;
    if (!isDays(value)) invalid(field, 'days');
    return value ?? 0;
  };
  switch (input.kind) {
    case 'SPENT': {
      const withinDays = requireDays('withinDays', input.withinDays);
      const currencyCode = input.currencyCode ?? '';
      let exponentKnown = true;
      try {
        currencyExponent(currencyCode);
      } catch {
        exponentKnown = false;
        errors.push(segmentError('UNSUPPORTED_CURRENCY', [...path, 'currencyCode']));
      }
      const amountMinor = exponentKnown && input.amount != null ? parseDecimal(input.amount, currencyCode) : null;
      if (exponentKnown && (amountMinor === null || amountMinor < 0n)) invalid('amount', 'amount');
      return { rule: { kind: 'SPENT', amountMinor: String(amountMinor ?? 0n), currencyCode, withinDays: withinDays ?? 0 }, errors };
    }
    case 'ORDERS_COUNT': {
      const inRange = (n: number | null | undefined) => n != null && Number.isInteger(n) && n >= 0 && n <= RULE_LIMITS.orders;
      if (!inRange(input.minOrders)) invalid('minOrders', 'count');
      if (input.maxOrders != null && (!inRange(input.maxOrders) || input.maxOrders < (input.minOrders ?? 0))) invalid('maxOrders', 'countRange');
      const withinDays = requireDays('withinDays', input.withinDays, true);
      return { rule: { kind: 'ORDERS_COUNT', minOrders: input.minOrders ?? 0, maxOrders: input.maxOrders ?? null, withinDays }, errors };
    }
    case 'LAST_ORDER_BEFORE':
    case 'LAST_ORDER_WITHIN':
      return { rule: { kind: input.kind, days: requireDays('days', input.days)! }, errors };
    case 'TIER':
      if (!input.tiers?.length) invalid('tiers', 'oneOrMore');
      return { rule: { kind: 'TIER', tiers: [...new Set(input.tiers ?? [])] }, errors };
    case 'TAG': {
      const tag = input.tag?.trim() ?? '';
      if (!tag || [...tag].length > RULE_LIMITS.tag) invalid('tag', 'tag');
      return { rule: { kind: 'TAG', tag }, errors };
    }
    case 'ACQUISITION_CHANNEL':
      if (!input.channels?.length) invalid('channels', 'oneOrMore');
      return { rule: { kind: 'ACQUISITION_CHANNEL', channels: [...new Set(input.channels ?? [])] }, errors };
    case 'REGION': {
      const codes = [...new Set((input.countryCodes ?? []).map((c) => c.trim().toUpperCase()))];
      if (!codes.length || codes.length > RULE_LIMITS.listValues || codes.some((c) => !/^[A-Z]{2}$/.test(c))) invalid('countryCodes', 'countryCodes');
      return { rule: { kind: 'REGION', countryCodes: codes }, errors };
    }
    case 'BIRTHDAY_MONTH':
      if (input.month == null || !Number.isInteger(input.month) || input.month < 1 || input.month > 12) invalid('month', 'month');
      return { rule: { kind: 'BIRTHDAY_MONTH', month: input.month ?? 0 }, errors };
    case 'CONSENT':
      if (!input.consentChannel) invalid('consentChannel', 'consentChannel');
      return { rule: { kind: 'CONSENT', consentChannel: input.consentChannel ?? 'EMAIL' }, errors };
    case 'COUPON_USED':
      return { rule: { kind: 'COUPON_USED' }, errors };
  }
}

/**
 * The API's rules checked and turned into their stored form. `path` is where
 * the rules sit in the operation's arguments (['input', 'rules'] or ['rules']).
 * Every mistake is reported at once, so the builder marks every row at fault.
 */
export function checkRules(input: SegmentRulesInput, path: string[]): SegmentResult<SegmentRules> {
  const groups = input.groups;
  if (!groups.length || groups.some((g) => !g.rules.length)) return { ok: false, errors: [segmentError('NO_RULES', [...path, 'groups'])] };
  if (groups.length > RULE_LIMITS.groups || groups.some((g) => g.rules.length > RULE_LIMITS.rulesPerGroup)) {
    return { ok: false, errors: [segmentError('TOO_MANY_RULES', [...path, 'groups'], { groups: RULE_LIMITS.groups, rules: RULE_LIMITS.rulesPerGroup })] };
  }
  const errors: SegmentError[] = [];
  const checked = groups.map((group, g) => ({
    rules: group.rules.map((rule, r) => {
      const result = checkRule(rule, [...path, 'groups', String(g), 'rules', String(r)]);
      errors.push(...result.errors);
      return result.rule!;
    }),
  }));
  if (errors.length) return { ok: false, errors };
  // The stored form is what the zod schema accepts: a rule this check let through but the schema refuses is a fault here.
  return { ok: true, value: segmentRules.parse({ groups: checked }) };
}
