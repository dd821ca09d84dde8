import { chunks, type Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { member } from './tables.js';

/** Writes the demo members in chunks; `tx` is the seed transaction. */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  for (const batch of chunks(plan.members)) {
    await tx.insert(member).values(
      batch.map((m) => ({
        id: m.id, displayName: m.displayName, email: m.email, phone: m.phone, tier: m.tier,
        points: m.points, createdAt: m.createdAt, updatedAt: m.createdAt,
      })),
    );
  }
}
