// The earning and redemption settings: one row, created with its defaults on first read.
import type { Db } from '@shop/kit';
import { loyaltySettings, type LoyaltySettingsRow } from './tables.js';

/** The settings row; `tx` may be the pool. Writes the defaults the first time anyone asks. */
export async function loadSettings(tx: Db): Promise<LoyaltySettingsRow> {
  const [row] = await tx.select().from(loyaltySettings);
  if (row) return row;
  await tx.insert(loyaltySettings).values({}).onConflictDoNothing();
  const [created] = await tx.select().from(loyaltySettings);
  return created!;
}

/** Points an order amount earns at the base rate and a tier multiplier (basis points), rounded down. */
export function pointsFor(settings: LoyaltySettingsRow, amountMinor: bigint, multiplierBp: number): number {
  const base = (amountMinor * BigInt(settings.earnPoints)) / settings.earnPerMinor;
  return Number((base * BigInt(multiplierBp)) / 10_000n);
}
