// The quality rule: read with its defaults, and changed by the catalog team.
import { sql } from 'drizzle-orm';
import { ok, type ChangeRecord, type Db, type Result, type UserError } from '@shop/kit';
import { returnReasonCode, type ReturnReasonCode } from '../after-sales/tables.js';
import { queueQualityEvaluation } from './queue.js';
import { qualitySettings } from './tables.js';
import { qualityError } from '../errors/index.js';

export interface QualityRule {
  defectReasonCodes: ReturnReasonCode[];
  /** Basis points: 500 is 5%. */
  rateThresholdBp: number;
  windowDays: number;
  minUnitsShipped: number;
  updatedAt: Date | null;
  updatedByStaffId: string | null;
}

/** Where a shop starts: quality defects and "not as described" count; 5% of at least 20 units within 30 days. */
export const DEFAULT_QUALITY_RULE: QualityRule = {
  defectReasonCodes: ['QUALITY_DEFECT', 'NOT_AS_DESCRIBED'],
  rateThresholdBp: 500,
  windowDays: 30,
  minUnitsShipped: 20,
  updatedAt: null,
  updatedByStaffId: null,
};

/** The rule as it runs now. */
export async function loadQualityRule(tx: Db): Promise<QualityRule> {
  const [row] = await tx.select().from(qualitySettings);
  return row ?? DEFAULT_QUALITY_RULE;
}

/** "5", "5.5" or "5.25" (percent, at most two decimals) as basis points; null when not such a number. */
export function percentToBp(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Basis points as a percent with two decimals ("5.00"), the API's Decimal. */
export const bpToPercent = (bp: number) => `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;

export type QualityErrorCode = 'NOT_FOUND' | 'INVALID' | 'INVALID_STATE';

export interface QualityRuleInput {
  defectReasonCodes?: ReturnReasonCode[] | null;
  rateThresholdPercent?: string | null;
  windowDays?: number | null;
  minUnitsShipped?: number | null;
}

const MAX_WINDOW_DAYS = 365;
const MAX_MIN_UNITS = 1_000_000;

/**
 * Changes the rule; settings left out keep their value. Every mistake is reported at once, and nothing is written
 * then. Open alerts keep the threshold they were raised under until the evaluation this queues refreshes them.
 */
export async function updateQualityRule(
  tx: Db,
  staffId: string | null,
  input: QualityRuleInput,
  changes: ChangeRecord[],
): Promise<Result<QualityRule, QualityErrorCode>> {
  const before = await loadQualityRule(tx);
  const next = { ...before };
  const errors: UserError<QualityErrorCode>[] = [];
  const invalid = (field: string, key: 'INVALID:defectReasons' | 'INVALID:rate' | 'INVALID:wholeNumber', params = {}) =>
    errors.push(qualityError(key, ['input', field], params));
  if (input.defectReasonCodes != null) {
    const codes = [...new Set(input.defectReasonCodes)];
    if (!codes.length || codes.some((c) => !returnReasonCode.enumValues.includes(c))) {
      invalid('defectReasonCodes', 'INVALID:defectReasons');
    } else next.defectReasonCodes = codes;
  }
  if (input.rateThresholdPercent != null) {
    const bp = percentToBp(input.rateThresholdPercent);
    if (bp === null || bp < 1 || bp > 10_000) invalid('rateThresholdPercent', 'INVALID:rate');
    else next.rateThresholdBp = bp;
  }
  for (const [key, max] of [
    ['windowDays', MAX_WINDOW_DAYS],
    ['minUnitsShipped', MAX_MIN_UNITS],
  ] as const) {
    const value = input[key];
    if (value == null) continue;
    if (!Number.isInteger(value) || value < 1 || value > max) invalid(key, 'INVALID:wholeNumber', { max });
    else next[key] = value;
  }
  if (errors.length) return { ok: false, errors };
  const rule = (r: QualityRule) => ({
    defectReasonCodes: r.defectReasonCodes,
    rateThresholdBp: r.rateThresholdBp,
    windowDays: r.windowDays,
    minUnitsShipped: r.minUnitsShipped,
  });
  const values = { ...rule(next), updatedByStaffId: staffId };
  await tx
    .insert(qualitySettings)
    .values({ singleton: true, ...values })
    .onConflictDoUpdate({ target: qualitySettings.singleton, set: { ...values, updatedAt: sql`now()` } });
  changes.push({ entity: 'QualitySettings', id: 'shop', before: rule(before), after: rule(next) });
  // The new rule applies from the next evaluation: ask for one now rather than wait for the schedule.
  await queueQualityEvaluation(tx);
  return ok(await loadQualityRule(tx));
}
