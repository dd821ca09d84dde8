import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { seedOpeningPoints } from '../src/loyalty/index.js';
import { normalisePhone } from '../src/pii/index.js';
import { customerAddress } from '../src/addresses/tables.js';
import { refreshSegment } from '../src/segments/service.js';
import { member } from '../src/tables.js';

/** A member row plus the points they start with (an opening balance in the ledger). */
type MemberFixture = typeof member.$inferInsert & { points?: number };

let sequence = 0;

/** A valid member row; each call gets a unique email and a later createdAt. */
export function makeMember(overrides: Partial<MemberFixture> = {}): MemberFixture & { id: string } {
  sequence += 1;
  const row: MemberFixture & { id: string } = {
    id: randomUUID(),
    displayName: `Member ${sequence}`,
    email: `member${sequence}@example.test`,
    phone: `+66 80 000 ${String(sequence).padStart(4, '0')}`,
    tier: 'BRONZE',
    points: 0,
    createdAt: new Date(Date.UTC(2026, 0, 1) + sequence * 60_000),
    ...overrides,
  };
  // As the services store it: the E.164 form beside the number as typed.
  return { phoneE164: row.phone ? normalisePhone(row.phone) : null, ...row };
}

export async function insertMembers(db: Db, rows: MemberFixture[]) {
  const inserted = await db.insert(member).values(rows.map(({ points: _points, ...row }) => row)).returning();
  await seedOpeningPoints(db, rows.map((r, i) => ({ memberId: inserted[i]!.id, points: r.points ?? 0, at: inserted[i]!.createdAt })));
  return inserted;
}

/** A saved address row, as other domains' tests need one (orders: a cart set from the book). */
export async function insertSavedAddress(db: Db, row: typeof customerAddress.$inferInsert) {
  const [inserted] = await db.insert(customerAddress).values(row).returning();
  return inserted!;
}

/** Edits a saved address row in place: what a later change of the book looks like to a copy of it. */
export async function editSavedAddress(db: Db, id: string, values: Partial<typeof customerAddress.$inferInsert>) {
  await db.update(customerAddress).set(values).where(eq(customerAddress.id, id));
}

/** Materialises a segment now, as its refresh job would (browser tests run no worker). */
export function refreshSegmentNow(db: Db, segmentId: string) {
  return refreshSegment(db, segmentId);
}
