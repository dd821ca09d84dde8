// The points ledger: every change to a balance is one entry posted in the same transaction as the balance.
import { and, eq, gte, sql, TransactionRollbackError } from 'drizzle-orm';
import { ok, type Db, type Result } from '@shop/kit';
import { loyaltyFail } from '../errors/index.js';
import { pointsBalance, pointsEntry, type LedgerReason, type LedgerSourceKind, type PointsEntryRow } from './tables.js';

export type PointsErrorCode = 'INSUFFICIENT_POINTS' | 'INVALID_POINTS';

export interface PointsPosting {
  memberId: string;
  delta: number;
  reason: LedgerReason;
  sourceKind: LedgerSourceKind;
  sourceId: string;
  note?: string | null;
  actorId?: string | null;
  basisMinor?: bigint | null;
  expiresAt?: Date | null;
}

/** A posting's outcome: the entry, whether this call wrote it (false: the source was posted before), and the balance after. */
export interface Posted {
  entry: PointsEntryRow;
  created: boolean;
  balance: number;
}

/**
 * Posts one entry and moves the balance by its delta, inside a savepoint of
 * `tx` so a refusal leaves the caller's transaction usable (checkout keeps
 * going without points). Once per (reason, source) outside manual entries:
 * the entry is inserted first, so a concurrent duplicate waits on the unique
 * index and then finds the first one, and the balance moves only for a new entry.
 *
 * A debit is a conditional update (`balance >= n`), not a CHECK violation: the
 * row lock serialises concurrent debits and the loser re-reads the committed
 * balance, and a refusal is an empty update the caller turns into a coded
 * answer, where a violated CHECK would abort the whole checkout transaction.
 */
export async function postPoints(tx: Db, posting: PointsPosting): Promise<Result<Posted, PointsErrorCode>> {
  if (!Number.isSafeInteger(posting.delta) || posting.delta === 0 || Math.abs(posting.delta) > 2_000_000_000) {
    return loyaltyFail('INVALID_POINTS:nonZero', ['input', 'delta']);
  }
  const outcome = await tx.transaction(async (sp) => {
    const [entry] = await sp
      .insert(pointsEntry)
      .values({
        memberId: posting.memberId, delta: posting.delta, reason: posting.reason,
        sourceKind: posting.sourceKind, sourceId: posting.sourceId, note: posting.note ?? null,
        actorId: posting.actorId ?? null, basisMinor: posting.basisMinor ?? null, expiresAt: posting.expiresAt ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!entry) return { kind: 'duplicate' as const };
    const balance = posting.delta > 0 ? await credit(sp, posting.memberId, posting.delta) : await debit(sp, posting.memberId, -posting.delta);
    if (balance === null) sp.rollback();
    return { kind: 'posted' as const, entry, balance: balance! };
  }).catch((error: unknown) => {
    if (error instanceof TransactionRollbackError) return { kind: 'refused' as const };
    throw error;
  });
  if (outcome.kind === 'refused') {
    const available = await pointsBalanceOf(tx, posting.memberId);
    return loyaltyFail('INSUFFICIENT_POINTS', ['input', 'points'], { available });
  }
  if (outcome.kind === 'posted') return ok({ entry: outcome.entry, created: true, balance: outcome.balance });
  const [existing] = await tx
    .select()
    .from(pointsEntry)
    .where(and(eq(pointsEntry.reason, posting.reason), eq(pointsEntry.sourceKind, posting.sourceKind), eq(pointsEntry.sourceId, posting.sourceId)));
  return ok({ entry: existing!, created: false, balance: await pointsBalanceOf(tx, posting.memberId) });
}

async function credit(tx: Db, memberId: string, points: number): Promise<number> {
  const [row] = await tx
    .insert(pointsBalance)
    .values({ memberId, balance: points })
    .onConflictDoUpdate({ target: pointsBalance.memberId, set: { balance: sql`${pointsBalance.balance} + ${points}`, updatedAt: sql`now()` } })
    .returning({ balance: pointsBalance.balance });
  return row!.balance;
}

/** Null when the balance is short (or the member has none): nothing changed. */
async function debit(tx: Db, memberId: string, points: number): Promise<number | null> {
  const [row] = await tx
    .update(pointsBalance)
    .set({ balance: sql`${pointsBalance.balance} - ${points}`, updatedAt: sql`now()` })
    .where(and(eq(pointsBalance.memberId, memberId), gte(pointsBalance.balance, points)))
    .returning({ balance: pointsBalance.balance });
  return row ? row.balance : null;
}

/** A member's spendable points (0 without a balance row); `tx` may be the pool. */
export async function pointsBalanceOf(tx: Db, memberId: string): Promise<number> {
  const [row] = await tx.select({ balance: pointsBalance.balance }).from(pointsBalance).where(eq(pointsBalance.memberId, memberId));
  return row?.balance ?? 0;
}
