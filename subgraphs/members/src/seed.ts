// Demo data for members, with demo customers who can log in.
import { chunks, type Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { hashPassword } from '@shop/kit/secrets';
import { seedOpeningPoints } from './loyalty/index.js';
import { normalisePhone } from './pii/index.js';
import { member } from './tables.js';

/** Demo members who can sign in to a storefront (the README lists them). */
export const DEMO_CUSTOMERS = [
  { email: 'member1@example.test', password: 'demo-customer-password' },
  { email: 'member2@example.test', password: 'demo-customer-password' },
] as const;

/** Demo given and family names: the display name's first word and the rest. */
function namesOf(displayName: string) {
  const [given, ...family] = displayName.split(/\s+/);
  return { givenName: given || null, familyName: family.join(' ') || null };
}

/** Writes the demo members in chunks, the demo customers with their passwords; `tx` is the seed transaction. */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  const passwordHashes = new Map(
    await Promise.all(DEMO_CUSTOMERS.map(async (c) => [c.email as string, await hashPassword(c.password)] as const)),
  );
  for (const batch of chunks(plan.members)) {
    await tx.insert(member).values(
      batch.map((m) => ({
        id: m.id, displayName: m.displayName, ...namesOf(m.displayName), email: m.email, phone: m.phone, phoneE164: m.phone ? normalisePhone(m.phone) : null, tier: m.tier,
        passwordHash: passwordHashes.get(m.email) ?? null,
        createdAt: m.createdAt, updatedAt: m.createdAt,
      })),
    );
    await seedOpeningPoints(tx, batch.map((m) => ({ memberId: m.id, points: m.points, at: m.createdAt })));
  }
}
