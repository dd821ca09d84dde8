// The one rules→SQL compiler: the preview counts and the refresh materialises exactly the members it selects.
import { and, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { customerAddress } from '../addresses/tables.js';
import { memberOrder } from '../statistics/tables.js';
import { UNCOUNTED_STATUSES } from '../statistics/index.js';
import { member, memberConsent } from '../tables.js';
import type { SegmentRule, SegmentRules } from './rules.js';

const DAY_MS = 86_400_000;

/** Orders that count (every status but the uncounted ones), of the member row in the outer query. */
const countedOrdersOfMember = sql`${memberOrder.memberId} = ${member.id}
  and ${memberOrder.status} <> all(${sql.param([...UNCOUNTED_STATUSES])}::text[])`;

/** The start of a window of `days` ending at `now`: windows are rolling, days × 24 hours back. */
const since = (now: Date, days: number) => sql`${new Date(now.getTime() - days * DAY_MS).toISOString()}::timestamptz`;

/** The member's counted orders, optionally only those placed since a time. */
function countedOrders(select: SQL, placedSince?: SQL, extra?: SQL): SQL {
  const window = placedSince ? sql` and ${memberOrder.placedAt} >= ${placedSince}` : sql``;
  const more = extra ? sql` and ${extra}` : sql``;
  return sql`(select ${select} from ${memberOrder} where ${countedOrdersOfMember}${window}${more})`;
}

/** One rule as a condition on the `member` row. Every value is a bound parameter. */
function ruleCondition(rule: SegmentRule, now: Date): SQL {
  switch (rule.kind) {
    case 'SPENT':
      return sql`${countedOrders(sql`coalesce(sum(${memberOrder.totalMinor}), 0)`, since(now, rule.withinDays), sql`${memberOrder.currencyCode} = ${rule.currencyCode}`)}
        >= ${rule.amountMinor}::bigint`;
    case 'ORDERS_COUNT': {
      const count = countedOrders(sql`count(*)`, rule.withinDays ? since(now, rule.withinDays) : undefined);
      return rule.maxOrders === null
        ? sql`${count} >= ${rule.minOrders}::int`
        : sql`${count} between ${rule.minOrders}::int and ${rule.maxOrders}::int`;
    }
    case 'LAST_ORDER_BEFORE':
      // Their latest counted order is older than the window; members who never ordered are not lapsed buyers.
      return sql`${countedOrders(sql`max(${memberOrder.placedAt})`)} < ${since(now, rule.days)}`;
    case 'LAST_ORDER_WITHIN':
      return sql`exists ${countedOrders(sql`1`, since(now, rule.days))}`;
    case 'TIER':
      return inArray(member.tier, rule.tiers);
    case 'TAG':
      return sql`${member.tags} @> array[${rule.tag}]::text[]`;
    case 'ACQUISITION_CHANNEL':
      return inArray(member.acquisitionChannel, rule.channels);
    case 'REGION':
      return sql`exists (select 1 from ${customerAddress} where ${customerAddress.memberId} = ${member.id}
        and ${customerAddress.isDefault} and ${customerAddress.country}::text = any(${sql.param(rule.countryCodes)}::text[]))`;
    case 'BIRTHDAY_MONTH':
      return sql`extract(month from ${member.birthday}) = ${rule.month}::int`;
    case 'CONSENT':
      return sql`exists (select 1 from ${memberConsent} where ${memberConsent.memberId} = ${member.id}
        and ${memberConsent.channel} = ${rule.consentChannel} and ${memberConsent.granted})`;
    case 'COUPON_USED':
      return sql`exists ${countedOrders(sql`1`, undefined, sql`${memberOrder.couponUsed}`)}`;
  }
}

/**
 * Members a segment may hold at all: not disabled, archived or merged away,
 * whatever the rules say.
 */
export const eligibleMember = and(isNull(member.disabledAt), isNull(member.archivedAt), isNull(member.mergedIntoId))!;

/**
 * The WHERE condition on `members.member` that selects a segment's members at
 * `now`: eligible, and meeting every rule of at least one group. Both the
 * preview and the refresh use it, so a preview's count is the size a refresh
 * at the same moment materialises.
 */
export function segmentCondition(rules: SegmentRules, now: Date): SQL {
  const groups = rules.groups.map((group) => and(...group.rules.map((rule) => ruleCondition(rule, now)))!);
  return and(eligibleMember, or(...groups))!;
}
