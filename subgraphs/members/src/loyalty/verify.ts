// The ledger check behind `pnpm members:verify`: every balance equals the sum of its ledger.
import { sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { creditBalance, creditEntry, pointsBalance, pointsEntry } from './tables.js';

export interface LedgerMismatch {
  ledger: 'points' | 'store credit';
  memberId: string;
  currencyCode: string | null;
  balance: string;
  ledgerSum: string;
}

export interface LedgerCheck {
  pointsBalances: number;
  pointsEntries: number;
  creditBalances: number;
  creditEntries: number;
  mismatches: LedgerMismatch[];
}

/**
 * Compares each balance with the sum of its entries, both ways round (an entry
 * without a balance row counts as a balance of 0), and any negative balance.
 * Reads a snapshot in one repeatable-read transaction so running postings
 * never look like mismatches.
 */
export async function verifyLoyaltyLedgers(db: Db): Promise<LedgerCheck> {
  return db.transaction(
    async (tx) => {
      const points = await tx.execute<{ member_id: string; balance: string; ledger_sum: string }>(sql`
        select coalesce(b.member_id, e.member_id) as member_id, coalesce(b.balance, 0)::text as balance, coalesce(e.total, 0)::text as ledger_sum
        from ${pointsBalance} b
        full join (select member_id, sum(delta) as total from ${pointsEntry} group by member_id) e on e.member_id = b.member_id
        where coalesce(b.balance, 0) <> coalesce(e.total, 0) or b.balance < 0`);
      const credit = await tx.execute<{ member_id: string; currency_code: string; balance: string; ledger_sum: string }>(sql`
        select coalesce(b.member_id, e.member_id) as member_id, coalesce(b.currency_code, e.currency_code) as currency_code,
               coalesce(b.balance_minor, 0)::text as balance, coalesce(e.total, 0)::text as ledger_sum
        from ${creditBalance} b
        full join (select member_id, currency_code, sum(delta_minor) as total from ${creditEntry} group by member_id, currency_code) e
          on e.member_id = b.member_id and e.currency_code = b.currency_code
        where coalesce(b.balance_minor, 0) <> coalesce(e.total, 0) or b.balance_minor < 0`);
      const [counts] = await tx.execute<{ pb: number; pe: number; cb: number; ce: number }>(sql`
        select (select count(*) from ${pointsBalance})::int as pb, (select count(*) from ${pointsEntry})::int as pe,
               (select count(*) from ${creditBalance})::int as cb, (select count(*) from ${creditEntry})::int as ce`);
      return {
        pointsBalances: counts!.pb,
        pointsEntries: counts!.pe,
        creditBalances: counts!.cb,
        creditEntries: counts!.ce,
        mismatches: [
          ...points.map((r) => ({ ledger: 'points' as const, memberId: r.member_id, currencyCode: null, balance: r.balance, ledgerSum: r.ledger_sum })),
          ...credit.map((r) => ({ ledger: 'store credit' as const, memberId: r.member_id, currencyCode: r.currency_code, balance: r.balance, ledgerSum: r.ledger_sum })),
        ],
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
