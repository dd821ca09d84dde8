import { createHash } from 'node:crypto';
import { and, count, eq, gt, ne, sql, type SQL } from 'drizzle-orm';
import { formatMinor, isId, type Db } from '@shop/kit';
import { addOrderHistory, systemActor } from '../history/index.js';
import { moneyOf } from '../payments/state.js';
import { order, type OrderRow } from '../tables.js';
import { loadFlagRules, type FlagRuleSettings } from './rules.js';
import { orderFingerprint, orderFlag, type FlagRuleName, type FlagStage } from './tables.js';

type Finding = { reason: FlagRuleName; message: string };
type Rule = (tx: Db, row: OrderRow, settings: FlagRuleSettings) => Promise<Finding | null>;

/** Countries whose addresses have no postal code. */
const NO_POSTAL_CODE = new Set(['AE', 'HK', 'MO', 'QA']);

const money = (minor: bigint, currency: string) => `${formatMinor(minor, currency)} ${currency}`;

/** Lower case, compatibility forms folded (full-width digits), punctuation and spaces gone. */
const normalise = (text: string | null) =>
  (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** The normalised place and phone an order ships to, when it has them. */
function fingerprintsOf(row: OrderRow): { kind: 'ADDRESS' | 'PHONE'; digest: string }[] {
  const found: { kind: 'ADDRESS' | 'PHONE'; digest: string }[] = [];
  const place = [row.shipLine1, row.shipLine2, row.shipCity, row.shipPostalCode, row.shipCountry].map(normalise);
  if (place[0]) found.push({ kind: 'ADDRESS', digest: digest(place.join('|')) });
  // The last eight digits, past any country code or trunk prefix: "+66 81 234 5678",
  // "081-234-5678" and full-width "０８１２３４５６７８" are one phone.
  const phone = (row.shipPhone ?? '').normalize('NFKC').replace(/\D/g, '').slice(-8);
  if (phone.length === 8) found.push({ kind: 'PHONE', digest: digest(phone) });
  return found;
}

const atOrAbove = (row: OrderRow, threshold: FlagRuleSettings['threshold']) =>
  threshold !== null && threshold.currencyCode === row.currencyCode && row.totalMinor >= threshold.amountMinor;

/** Several orders to one address or phone: counts this order's fingerprint among recent ones. */
const repeated =
  (kind: 'ADDRESS' | 'PHONE'): Rule =>
  async (tx, row, settings) => {
    const mine = fingerprintsOf(row).find((f) => f.kind === kind);
    if (!mine || settings.maxOrders === null || settings.windowMinutes === null) return null;
    const [{ n }] = (await tx
      .select({ n: count() })
      .from(orderFingerprint)
      .where(
        and(
          eq(orderFingerprint.kind, kind),
          eq(orderFingerprint.digest, mine.digest),
          gt(orderFingerprint.createdAt, sql`now() - make_interval(mins => ${settings.windowMinutes})`),
        ),
      )) as [{ n: number }];
    if (n < settings.maxOrders) return null;
    const what = kind === 'ADDRESS' ? 'address' : 'phone number';
    return {
      reason: kind === 'ADDRESS' ? 'REPEATED_ADDRESS' : 'REPEATED_PHONE',
      message: `${n} orders to this ${what} within ${settings.windowMinutes} minutes (limit ${settings.maxOrders - 1}).`,
    };
  };

/** The rules that run when an order is placed. */
const AT_PLACEMENT: Partial<Record<FlagRuleName, Rule>> = {
  HIGH_TOTAL: async (_tx, row, s) =>
    atOrAbove(row, s.threshold)
      ? { reason: 'HIGH_TOTAL', message: `Total ${money(row.totalMinor, row.currencyCode)} is at or above ${money(s.threshold!.amountMinor, s.threshold!.currencyCode)}.` }
      : null,
  INCOMPLETE_ADDRESS: async (_tx, row) => {
    // A till sale leaves the shop with its buyer: nothing to ship.
    if (row.channel === 'POINT_OF_SALE') return null;
    const missing = [
      ['name', row.shipName],
      ['phone', row.shipPhone],
      ['address line', row.shipLine1],
      ['city', row.shipCity],
      ['country', row.shipCountry],
      ...(NO_POSTAL_CODE.has(row.shipCountry ?? '') ? [] : [['postal code', row.shipPostalCode]]),
    ]
      .filter(([, value]) => !value?.trim())
      .map(([name]) => name);
    return missing.length ? { reason: 'INCOMPLETE_ADDRESS', message: `The shipping address lacks: ${missing.join(', ')}.` } : null;
  },
  REPEATED_ADDRESS: repeated('ADDRESS'),
  REPEATED_PHONE: repeated('PHONE'),
  FIRST_ORDER_HIGH_TOTAL: async (tx, row, s) => {
    if (!row.memberId || !atOrAbove(row, s.threshold)) return null;
    const [earlier] = await tx
      .select({ id: order.id })
      .from(order)
      .where(and(eq(order.memberId, row.memberId), ne(order.id, row.id)))
      .limit(1);
    return earlier
      ? null
      : { reason: 'FIRST_ORDER_HIGH_TOTAL', message: `The member's first order, for ${money(row.totalMinor, row.currencyCode)}.` };
  },
};

/** The rules that run when money arrives. */
const AT_PAYMENT: Partial<Record<FlagRuleName, Rule>> = {
  PAYMENT_MISMATCH: async (tx, row) => {
    const received = await moneyOf(tx, row.id);
    const net = received.capturedMinor - received.refundedMinor;
    return net > row.totalMinor
      ? { reason: 'PAYMENT_MISMATCH', message: `Received ${money(net, row.currencyCode)} for a total of ${money(row.totalMinor, row.currencyCode)}.` }
      : null;
  },
};

/**
 * Runs the enabled rules of `stage` on an order in the caller's transaction
 * and puts it on hold with a flag per finding (one history entry each). A rule
 * flags an order at most once, even after an operator cleared it. `flagged`
 * tells whether the order now waits on hold (any open flag, older ones too).
 */
export async function evaluateFlags(tx: Db, orderId: string, stage: 'PLACEMENT' | 'PAYMENT'): Promise<{ flagged: boolean }> {
  if (!isId(orderId)) return { flagged: false };
  const [row] = await tx.select().from(order).where(eq(order.id, orderId));
  if (!row) return { flagged: false };
  if (stage === 'PLACEMENT') {
    const prints = fingerprintsOf(row);
    if (prints.length) {
      await tx
        .insert(orderFingerprint)
        .values(prints.map((p) => ({ orderId: row.id, ...p, createdAt: row.createdAt })))
        .onConflictDoNothing();
    }
  }
  const rules = stage === 'PLACEMENT' ? AT_PLACEMENT : AT_PAYMENT;
  const findings: Finding[] = [];
  for (const settings of await loadFlagRules(tx)) {
    const rule = rules[settings.rule];
    if (!settings.enabled || !rule) continue;
    const finding = await rule(tx, row, settings);
    if (finding) findings.push(finding);
  }
  if (findings.length) await raiseFlags(tx, row.id, stage, findings);
  return { flagged: await isOnHold(tx, row.id) };
}

const RULES_ACTOR = systemActor('Order flag rules');

async function raiseFlags(tx: Db, orderId: string, stage: FlagStage, findings: Finding[]): Promise<void> {
  const raised = await tx
    .insert(orderFlag)
    .values(findings.map((f) => ({ orderId, stage, reason: f.reason, message: f.message, raisedBy: RULES_ACTOR.label })))
    .onConflictDoNothing()
    .returning();
  for (const flag of raised) {
    await addOrderHistory(tx, { orderId, actor: RULES_ACTOR, kind: 'FLAGGED', note: `${flag.reason}: ${flag.message}` });
  }
}

/** Whether the order waits on hold: it has a flag no operator has cleared. */
export async function isOnHold(tx: Db, orderId: string): Promise<boolean> {
  if (!isId(orderId)) return false;
  const [open] = await tx
    .select({ id: orderFlag.id })
    .from(orderFlag)
    .where(and(eq(orderFlag.orderId, orderId), sql`${orderFlag.clearedAt} is null`))
    .limit(1);
  return open !== undefined;
}

/** `orders.order` rows that are (or are not) on hold, for the list filter. */
export function flaggedCondition(flagged: boolean): SQL {
  const open = sql`exists (select 1 from ${orderFlag} f where f.order_id = ${order.id} and f.cleared_at is null)`;
  return flagged ? open : sql`not ${open}`;
}
