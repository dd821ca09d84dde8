import type {
  SegmentDetailNode,
  SegmentRuleInput,
  SegmentRuleKind,
  SegmentRulesInput,
} from '@/app/(console)/members/segments/segments.graphql';

/** Every rule kind, in the order the builder offers them. */
export const RULE_KINDS: SegmentRuleKind[] = [
  'SPENT', 'ORDERS_COUNT', 'LAST_ORDER_BEFORE', 'LAST_ORDER_WITHIN', 'TIER', 'TAG',
  'ACQUISITION_CHANNEL', 'REGION', 'BIRTHDAY_MONTH', 'CONSENT', 'COUPON_USED',
];

/** The parameters each kind takes (SegmentRuleInput's fields), in the order the row shows them. */
export const PARAMS_OF: Record<SegmentRuleKind, (keyof SegmentRuleInput)[]> = {
  SPENT: ['amount', 'currencyCode', 'withinDays'],
  ORDERS_COUNT: ['minOrders', 'maxOrders', 'withinDays'],
  LAST_ORDER_BEFORE: ['days'],
  LAST_ORDER_WITHIN: ['days'],
  TIER: ['tiers'],
  TAG: ['tag'],
  ACQUISITION_CHANNEL: ['channels'],
  REGION: ['countryCodes'],
  BIRTHDAY_MONTH: ['month'],
  CONSENT: ['consentChannel'],
  COUPON_USED: [],
};

/** A rule row of the builder: the API's input plus a key that survives removing rows above it. */
export type RuleRow = SegmentRuleInput & { key: string };
export type GroupRows = RuleRow[];

let counter = 0;
const nextKey = () => `rule-${++counter}`;

/** A new row of a kind, with the defaults a shop would usually start from. */
export function newRule(kind: SegmentRuleKind = 'SPENT'): RuleRow {
  const defaults: Partial<Record<SegmentRuleKind, Partial<SegmentRuleInput>>> = {
    SPENT: { currencyCode: 'THB', withinDays: 90 },
    ORDERS_COUNT: { minOrders: 1 },
    LAST_ORDER_BEFORE: { days: 90 },
    LAST_ORDER_WITHIN: { days: 30 },
  };
  return { key: nextKey(), kind, ...defaults[kind] };
}

/** The rows as the API takes them: each rule with only its kind's parameters that are set. */
export function toRulesInput(groups: GroupRows[]): SegmentRulesInput {
  return {
    groups: groups.map((rows) => ({
      rules: rows.map((row) => {
        const rule: SegmentRuleInput = { kind: row.kind };
        for (const param of PARAMS_OF[row.kind]) {
          const value = row[param];
          if (value !== undefined && value !== null && value !== '') (rule as Record<string, unknown>)[param] = value;
        }
        return rule;
      }),
    })),
  };
}

/** A saved segment's rules as builder rows. */
export function rowsOf(rules: SegmentDetailNode['rules']): GroupRows[] {
  return rules.groups.map((group) =>
    group.rules.map((rule) => ({
      key: nextKey(),
      kind: rule.kind,
      amount: rule.amount?.amount,
      currencyCode: rule.amount?.currencyCode,
      withinDays: rule.withinDays,
      minOrders: rule.minOrders,
      maxOrders: rule.maxOrders,
      days: rule.days,
      tiers: rule.tiers,
      tag: rule.tag,
      channels: rule.channels,
      countryCodes: rule.countryCodes,
      month: rule.month,
      consentChannel: rule.consentChannel,
    })),
  );
}

/** Where a userError's field points: a rule (group, index) or the form's other fields. */
export function ruleAt(field: readonly string[] | null): { group: number; rule: number } | null {
  const at = field?.indexOf('groups') ?? -1;
  if (!field || at < 0 || field[at + 2] !== 'rules' || field[at + 3] === undefined) return null;
  return { group: Number(field[at + 1]), rule: Number(field[at + 3]) };
}
