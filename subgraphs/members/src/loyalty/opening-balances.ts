// Opening balances: points a member already holds when their ledger begins (demo data, imports).
import type { Db } from '@shop/kit';
import { pointsBalance, pointsEntry } from './tables.js';

/**
 * Writes one OPENING_BALANCE entry and the matching balance per member with
 * points, in bulk (the seed writes thousands). Members must have no balance
 * yet. `tx` is the caller's transaction.
 */
export async function seedOpeningPoints(tx: Db, openings: { memberId: string; points: number; at: Date }[]): Promise<void> {
  const held = openings.filter((o) => o.points > 0);
  if (!held.length) return;
  await tx.insert(pointsEntry).values(
    held.map((o) => ({ memberId: o.memberId, delta: o.points, reason: 'OPENING_BALANCE' as const, sourceKind: 'IMPORT' as const, sourceId: o.memberId, createdAt: o.at })),
  );
  await tx.insert(pointsBalance).values(held.map((o) => ({ memberId: o.memberId, balance: o.points, updatedAt: o.at })));
}
