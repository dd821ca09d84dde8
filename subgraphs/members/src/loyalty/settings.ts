// The points programme's settings (earning, redemption, expiry, birthday, win-back): one row, created with its defaults on first read.
import { changeOf, failWith, ok, parseDecimal, type ChangeRecord, type Db, type Result, type UserError } from '@shop/kit';
import { loyaltyError } from '../errors/index.js';
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

export interface LoyaltySettingsInput {
  earnPoints?: number | null;
  earnPer?: string | null;
  pointValue?: string | null;
  pointsExpireDays?: number | null;
  birthdayPoints?: number | null;
  winBackDays?: number | null;
}

const MAX_DAYS = 3_660;

/** Whole numbers in a range, by input field: [min, max]. */
const WHOLE_RANGES = {
  earnPoints: [1, 1_000],
  pointsExpireDays: [1, MAX_DAYS],
  birthdayPoints: [0, 100_000],
  winBackDays: [1, MAX_DAYS],
} as const;

function parseSettings(input: LoyaltySettingsInput, currencyCode: string): Result<Partial<LoyaltySettingsRow>, 'INVALID'> {
  const errors: UserError<'INVALID'>[] = [];
  const values: Partial<LoyaltySettingsRow> = {};
  for (const [name, [min, max]] of Object.entries(WHOLE_RANGES) as [keyof typeof WHOLE_RANGES, readonly [number, number]][]) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    if (!Number.isInteger(value) || value < min || value > max) errors.push(loyaltyError('INVALID:wholeNumber', ['input', name], { min, max }));
    else values[name] = value;
  }
  for (const [name, column] of [['earnPer', 'earnPerMinor'], ['pointValue', 'pointValueMinor']] as const) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    const minor = parseDecimal(value, currencyCode);
    if (minor === null || minor <= 0n) errors.push(loyaltyError('INVALID:amount', ['input', name], { currency: currencyCode }));
    else values[column] = minor;
  }
  return errors.length ? failWith(errors) : ok(values);
}

const jsonOf = (row: LoyaltySettingsRow) => ({
  earnPoints: row.earnPoints, earnPerMinor: row.earnPerMinor.toString(), pointValueMinor: row.pointValueMinor.toString(),
  pointsExpireDays: row.pointsExpireDays, birthdayPoints: row.birthdayPoints, winBackDays: row.winBackDays,
});

/**
 * Changes the settings given (the others stay), recording the change for the
 * audit row. Out-of-range values are INVALID userErrors and change nothing.
 * `tx` is the mutation's transaction; the row is locked against a parallel update.
 */
export async function updateSettings(tx: Db, input: LoyaltySettingsInput, changes: ChangeRecord[]): Promise<Result<LoyaltySettingsRow, 'INVALID'>> {
  await loadSettings(tx);
  const [before] = await tx.select().from(loyaltySettings).for('update');
  const parsed = parseSettings(input, before!.currencyCode);
  if (!parsed.ok) return parsed;
  if (!Object.keys(parsed.value).length) return ok(before!);
  const [after] = await tx.update(loyaltySettings).set({ ...parsed.value, updatedAt: new Date() }).returning();
  const change = changeOf('LoyaltySettings', 'shop', jsonOf(before!), jsonOf(after!));
  if (change) changes.push(change);
  return ok(after!);
}
