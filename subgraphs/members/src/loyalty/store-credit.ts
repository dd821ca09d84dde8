// The store-credit ledger: the points ledger's rules over money in one currency per balance.
import { and, eq, gte, sql, TransactionRollbackError } from 'drizzle-orm';
import { currencyExponent, money, ok, type Db, type MoneyValue, type Result } from '@shop/kit';
import { loyaltyFail } from '../errors/index.js';
import { creditBalance, creditEntry, type CreditEntryRow, type LedgerReason, type LedgerSourceKind } from './tables.js';

export type CreditErrorCode = 'INSUFFICIENT_CREDIT' | 'INVALID_AMOUNT' | 'UNSUPPORTED_CURRENCY';

export interface CreditPosting {
  memberId: string;
  currencyCode: string;
  deltaMinor: bigint;
  reason: LedgerReason;
  sourceKind: LedgerSourceKind;
  sourceId: string;
  note?: string | null;
  actorId?: string | null;
}

const MAX_MINOR = 10n ** 15n;

/**
 * Posts one entry and moves the balance, in a savepoint of `tx`, once per
 * (reason, source) outside manual entries; a debit is a conditional update
 * (see postPoints for why not a CHECK alone). The balance after is in minor units.
 */
export async function postCredit(tx: Db, posting: CreditPosting): Promise<Result<{ entry: CreditEntryRow; created: boolean; balanceMinor: bigint }, CreditErrorCode>> {
  try {
    currencyExponent(posting.currencyCode);
  } catch {
    return loyaltyFail('UNSUPPORTED_CURRENCY', ['input', 'currency']);
  }
  if (posting.deltaMinor === 0n || posting.deltaMinor > MAX_MINOR || posting.deltaMinor < -MAX_MINOR) {
    return loyaltyFail('INVALID_AMOUNT:nonZero', ['input', 'amount']);
  }
  const outcome = await tx
    .transaction(async (sp) => {
      const [entry] = await sp
        .insert(creditEntry)
        .values({
          memberId: posting.memberId, currencyCode: posting.currencyCode, deltaMinor: posting.deltaMinor, reason: posting.reason,
          sourceKind: posting.sourceKind, sourceId: posting.sourceId, note: posting.note ?? null, actorId: posting.actorId ?? null,
        })
        .onConflictDoNothing()
        .returning();
      if (!entry) return { kind: 'duplicate' as const };
      const balance = posting.deltaMinor > 0n ? await credit(sp, posting) : await debit(sp, posting);
      if (balance === null) sp.rollback();
      return { kind: 'posted' as const, entry, balance: balance! };
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return { kind: 'refused' as const };
      throw error;
    });
  if (outcome.kind === 'refused') {
    const available = money(await creditBalanceOf(tx, posting.memberId, posting.currencyCode), posting.currencyCode);
    return loyaltyFail('INSUFFICIENT_CREDIT', ['input', 'amount'], { amount: available.amount, currency: available.currencyCode });
  }
  if (outcome.kind === 'posted') return ok({ entry: outcome.entry, created: true, balanceMinor: outcome.balance });
  const [existing] = await tx
    .select()
    .from(creditEntry)
    .where(and(eq(creditEntry.reason, posting.reason), eq(creditEntry.sourceKind, posting.sourceKind), eq(creditEntry.sourceId, posting.sourceId)));
  return ok({ entry: existing!, created: false, balanceMinor: await creditBalanceOf(tx, posting.memberId, posting.currencyCode) });
}

async function credit(tx: Db, p: CreditPosting): Promise<bigint> {
  const [row] = await tx
    .insert(creditBalance)
    .values({ memberId: p.memberId, currencyCode: p.currencyCode, balanceMinor: p.deltaMinor })
    .onConflictDoUpdate({
      target: [creditBalance.memberId, creditBalance.currencyCode],
      set: { balanceMinor: sql`${creditBalance.balanceMinor} + ${p.deltaMinor}`, updatedAt: sql`now()` },
    })
    .returning({ balance: creditBalance.balanceMinor });
  return row!.balance;
}

async function debit(tx: Db, p: CreditPosting): Promise<bigint | null> {
  const amount = -p.deltaMinor;
  const [row] = await tx
    .update(creditBalance)
    .set({ balanceMinor: sql`${creditBalance.balanceMinor} - ${amount}`, updatedAt: sql`now()` })
    .where(and(eq(creditBalance.memberId, p.memberId), eq(creditBalance.currencyCode, p.currencyCode), gte(creditBalance.balanceMinor, amount)))
    .returning({ balance: creditBalance.balanceMinor });
  return row ? row.balance : null;
}

/** A member's store credit in one currency, in minor units (0 without a balance row). */
export async function creditBalanceOf(tx: Db, memberId: string, currencyCode: string): Promise<bigint> {
  const [row] = await tx
    .select({ balance: creditBalance.balanceMinor })
    .from(creditBalance)
    .where(and(eq(creditBalance.memberId, memberId), eq(creditBalance.currencyCode, currencyCode)));
  return row?.balance ?? 0n;
}

/**
 * Pays part of an order with store credit: exactly `amountMinor`, or
 * INSUFFICIENT_CREDIT with nothing written. Once per order. `tx` is the
 * checkout's transaction.
 */
export async function applyStoreCredit(
  tx: Db,
  input: { memberId: string; orderId: string; amountMinor: bigint; currency: string },
): Promise<Result<{ applied: MoneyValue; balance: MoneyValue; created: boolean }, CreditErrorCode>> {
  if (input.amountMinor <= 0n) return loyaltyFail('INVALID_AMOUNT:positive', ['input', 'amount']);
  const posted = await postCredit(tx, {
    memberId: input.memberId, currencyCode: input.currency, deltaMinor: -input.amountMinor, reason: 'REDEMPTION', sourceKind: 'ORDER', sourceId: input.orderId,
  });
  if (!posted.ok) return posted;
  return ok({ applied: money(-posted.value.entry.deltaMinor, input.currency), balance: money(posted.value.balanceMinor, input.currency), created: posted.value.created });
}

/**
 * Gives back what an order paid with store credit (its cancellation or closing), once per order: a
 * REDEMPTION_REVERSAL entry keyed by the order. Nothing to do when the order used none. `tx` is the
 * transition's transaction.
 */
export async function releaseStoreCreditForOrder(tx: Db, input: { memberId: string; orderId: string }): Promise<Result<{ returnedMinor: bigint }, CreditErrorCode>> {
  const [redeemed] = await tx
    .select({ deltaMinor: creditEntry.deltaMinor, currencyCode: creditEntry.currencyCode })
    .from(creditEntry)
    .where(and(eq(creditEntry.memberId, input.memberId), eq(creditEntry.reason, 'REDEMPTION'), eq(creditEntry.sourceKind, 'ORDER'), eq(creditEntry.sourceId, input.orderId)));
  if (!redeemed) return ok({ returnedMinor: 0n });
  const posted = await postCredit(tx, {
    memberId: input.memberId, currencyCode: redeemed.currencyCode, deltaMinor: -redeemed.deltaMinor, reason: 'REDEMPTION_REVERSAL', sourceKind: 'ORDER', sourceId: input.orderId,
  });
  if (!posted.ok) return posted;
  return ok({ returnedMinor: posted.value.created ? -redeemed.deltaMinor : 0n });
}

/** Credits a refund to the member's store credit; once per refund id. `tx` is the refund's transaction. */
export async function refundToStoreCredit(
  tx: Db,
  input: { memberId: string; refundId: string; amountMinor: bigint; currency: string },
): Promise<Result<{ credited: MoneyValue; balance: MoneyValue; created: boolean }, CreditErrorCode>> {
  if (input.amountMinor <= 0n) return loyaltyFail('INVALID_AMOUNT:positive', ['input', 'amount']);
  const posted = await postCredit(tx, {
    memberId: input.memberId, currencyCode: input.currency, deltaMinor: input.amountMinor, reason: 'REFUND', sourceKind: 'REFUND', sourceId: input.refundId,
  });
  if (!posted.ok) return posted;
  return ok({ credited: money(posted.value.entry.deltaMinor, input.currency), balance: money(posted.value.balanceMinor, input.currency), created: posted.value.created });
}
