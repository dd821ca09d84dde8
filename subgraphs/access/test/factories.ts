import { randomUUID } from 'node:crypto';
import type { Db } from '@shop/kit';
import { staff } from '../src/tables.js';

type StaffInsert = typeof staff.$inferInsert;

let sequence = 0;

/** A valid staff row with a unique email. */
export function makeStaff(overrides: Partial<StaffInsert> = {}): StaffInsert {
  sequence += 1;
  return { id: randomUUID(), email: `staff${sequence}@shop.test`, displayName: `Staff ${sequence}`, ...overrides };
}

export async function insertStaff(db: Db, rows: StaffInsert[]) {
  return db.insert(staff).values(rows).returning();
}
