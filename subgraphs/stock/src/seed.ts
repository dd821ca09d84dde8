// Demo data for stock: warehouses, levels and their opening movements.
import { chunks, type Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { movement } from './ledger/index.js';
import { level, warehouse } from './tables.js';

/**
 * Writes the demo warehouses and levels; `tx` is the seed transaction. Each
 * level gets the RECEIPT movement that explains it, so levels equal the ledger.
 */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  for (const batch of chunks(plan.warehouses)) {
    await tx.insert(warehouse).values(
      batch.map((w) => ({ id: w.id, code: w.code, name: w.name, priority: w.priority, active: true })),
    );
  }
  for (const batch of chunks(plan.levels)) {
    await tx.insert(level).values(
      batch.map((l) => ({ variantId: l.variantId, warehouseId: l.warehouseId, onHand: l.onHand, reserved: 0 })),
    );
    await tx.insert(movement).values(
      batch.map((l) => ({
        variantId: l.variantId,
        warehouseId: l.warehouseId,
        kind: 'RECEIPT' as const,
        onHandDelta: l.onHand,
        reference: 'demo seed',
      })),
    );
  }
}
