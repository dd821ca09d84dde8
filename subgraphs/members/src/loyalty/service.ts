// Loyalty as staff and storefronts use it: manual adjustments, balances and ledger pages.
import { and, eq, inArray } from 'drizzle-orm';
import { connectionOf, isId, parseDecimal, requireStepUp, type ConnectionArgs, type Db, type Principal, type Result } from '@shop/kit';
import { loyaltyFail } from '../errors/index.js';
import { member } from '../tables.js';
import { postPoints, type Posted, type PointsErrorCode } from './points.js';
import { loadSettings } from './settings.js';
import { postCredit, type CreditErrorCode } from './store-credit.js';
import { creditBalance, creditEntry, pointsBalance, pointsEntry, type CreditEntryRow } from './tables.js';

export type AdjustErrorCode = 'REASON_REQUIRED' | 'MEMBER_NOT_FOUND';

/** The signed-in customer's own points: the fields below read balance and ledger by the member id. */
export interface OwnPoints {
  memberId: string;
}

const MAX_REASON = 500;

async function checkAdjustment(tx: Db, principal: Principal, input: { memberId: string; reason: string }, what: string) {
  // The gateway's step_up policy already asked; this keeps the subgraph safe on its own.
  requireStepUp(principal, what);
  const reason = input.reason.trim();
  if (!reason || reason.length > MAX_REASON) {
    return loyaltyFail('REASON_REQUIRED', ['input', 'reason'], { max: MAX_REASON });
  }
  const [row] = isId(input.memberId) ? await tx.select({ id: member.id }).from(member).where(eq(member.id, input.memberId)) : [];
  if (!row) return loyaltyFail('MEMBER_NOT_FOUND', ['input', 'memberId']);
  return null;
}

const staffIdOf = (principal: Principal) => (principal.kind === 'staff' ? principal.staffId : null);

/** A staff correction of a member's points with a reason; refuses to go below zero. `tx` is the mutation's. */
export async function adjustPoints(
  tx: Db,
  principal: Principal,
  input: { memberId: string; delta: number; reason: string },
): Promise<Result<Posted, PointsErrorCode | AdjustErrorCode>> {
  const refused = await checkAdjustment(tx, principal, input, 'adjust a member\'s points');
  if (refused) return refused;
  const actorId = staffIdOf(principal);
  return postPoints(tx, {
    memberId: input.memberId, delta: input.delta, reason: 'MANUAL', sourceKind: 'STAFF', sourceId: actorId ?? 'unknown',
    note: input.reason.trim(), actorId,
  });
}

/** A staff correction of a member's store credit (a Money amount, signed) with a reason. */
export async function adjustStoreCredit(
  tx: Db,
  principal: Principal,
  input: { memberId: string; amount: string; currencyCode: string; reason: string },
): Promise<Result<{ entry: CreditEntryRow; created: boolean; balanceMinor: bigint }, CreditErrorCode | AdjustErrorCode>> {
  const refused = await checkAdjustment(tx, principal, input, 'adjust a member\'s store credit');
  if (refused) return refused;
  let deltaMinor: bigint | null;
  try {
    deltaMinor = parseDecimal(input.amount, input.currencyCode);
  } catch {
    return loyaltyFail('UNSUPPORTED_CURRENCY', ['input', 'currencyCode']);
  }
  if (deltaMinor === null) return loyaltyFail('INVALID_AMOUNT:decimal', ['input', 'amount']);
  const actorId = staffIdOf(principal);
  return postCredit(tx, {
    memberId: input.memberId, currencyCode: input.currencyCode, deltaMinor, reason: 'MANUAL', sourceKind: 'STAFF',
    sourceId: actorId ?? 'unknown', note: input.reason.trim(), actorId,
  });
}

/** Points balances of many members (0 for those without one). */
export async function pointsBalancesOf(tx: Db, memberIds: readonly string[]) {
  const rows = await tx.select().from(pointsBalance).where(inArray(pointsBalance.memberId, [...memberIds]));
  const byId = new Map(rows.map((r) => [r.memberId, r.balance]));
  return memberIds.map((id) => byId.get(id) ?? 0);
}

/** Store credit of many members in the settings' currency, in minor units. */
export async function creditBalancesOf(tx: Db, memberIds: readonly string[]) {
  const { currencyCode } = await loadSettings(tx);
  const rows = await tx
    .select()
    .from(creditBalance)
    .where(and(inArray(creditBalance.memberId, [...memberIds]), eq(creditBalance.currencyCode, currencyCode)));
  const byId = new Map(rows.map((r) => [r.memberId, r.balanceMinor]));
  return memberIds.map((id) => ({ amountMinor: byId.get(id) ?? 0n, currencyCode }));
}

/** One member's points entries, newest first, a keyset page at a time. `tx` may be the pool. */
export function pointsLedger(tx: Db, memberId: string, args: ConnectionArgs) {
  const filter = eq(pointsEntry.memberId, memberId);
  return connectionOf(args, {
    sort: pointsEntry.createdAt,
    id: pointsEntry.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(pointsEntry).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => tx.$count(pointsEntry, filter),
  });
}

/** One member's store-credit entries, newest first. */
export function storeCreditLedger(tx: Db, memberId: string, args: ConnectionArgs) {
  const filter = eq(creditEntry.memberId, memberId);
  return connectionOf(args, {
    sort: creditEntry.createdAt,
    id: creditEntry.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(creditEntry).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => tx.$count(creditEntry, filter),
  });
}
