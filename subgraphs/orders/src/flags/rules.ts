import { sql } from 'drizzle-orm';
import { DEFAULT_CURRENCY, currencyExponent, ok, parseDecimal, type Db, type Params, type Result, type UserError } from '@shop/kit';
import { flagRule, flagRuleName, type FlagRuleName } from './tables.js';
import { flagError } from '../errors/index.js';

/** The flags catalogue keys a rule change can fail with. */
type FlagRuleKey = 'DUPLICATE_RULE' | 'UNSUPPORTED_SETTING' | 'UNSUPPORTED_SETTING:setting' | 'INVALID:threshold' | 'INVALID:wholeNumber';

/** A rule as it runs: the merchant's row, or the defaults below when there is none. */
export interface FlagRuleSettings {
  rule: FlagRuleName;
  enabled: boolean;
  /** HIGH_TOTAL and FIRST_ORDER_HIGH_TOTAL: totals at or above this flag the order. */
  threshold: { amountMinor: bigint; currencyCode: string } | null;
  /** REPEATED_ADDRESS and REPEATED_PHONE: this many orders (this one included) within the window flag it. */
  maxOrders: number | null;
  windowMinutes: number | null;
  updatedAt: Date | null;
  updatedBy: string | null;
}

type Parameters = 'threshold' | 'window' | 'none';

/** Which settings each rule takes; a rule refuses the others. */
const PARAMETERS: Record<FlagRuleName, Parameters> = {
  HIGH_TOTAL: 'threshold',
  FIRST_ORDER_HIGH_TOTAL: 'threshold',
  REPEATED_ADDRESS: 'window',
  REPEATED_PHONE: 'window',
  INCOMPLETE_ADDRESS: 'none',
  PAYMENT_MISMATCH: 'none',
};

const major = (units: bigint) => units * 10n ** BigInt(currencyExponent(DEFAULT_CURRENCY));

/** Where a new shop starts: every rule on, thresholds in the shop's currency. */
const DEFAULTS: Record<FlagRuleName, Omit<FlagRuleSettings, 'rule' | 'updatedAt' | 'updatedBy'>> = {
  HIGH_TOTAL: { enabled: true, threshold: { amountMinor: major(50_000n), currencyCode: DEFAULT_CURRENCY }, maxOrders: null, windowMinutes: null },
  FIRST_ORDER_HIGH_TOTAL: {
    enabled: true,
    threshold: { amountMinor: major(10_000n), currencyCode: DEFAULT_CURRENCY },
    maxOrders: null,
    windowMinutes: null,
  },
  REPEATED_ADDRESS: { enabled: true, threshold: null, maxOrders: 3, windowMinutes: 60 },
  REPEATED_PHONE: { enabled: true, threshold: null, maxOrders: 3, windowMinutes: 60 },
  INCOMPLETE_ADDRESS: { enabled: true, threshold: null, maxOrders: null, windowMinutes: null },
  PAYMENT_MISMATCH: { enabled: true, threshold: null, maxOrders: null, windowMinutes: null },
};

/** Every rule with its current settings, in the enum's order. */
export async function loadFlagRules(tx: Db): Promise<FlagRuleSettings[]> {
  const rows = new Map((await tx.select().from(flagRule)).map((row) => [row.rule, row]));
  return flagRuleName.enumValues.map((rule) => {
    const row = rows.get(rule);
    if (!row) return { rule, ...DEFAULTS[rule], updatedAt: null, updatedBy: null };
    return {
      rule,
      enabled: row.enabled,
      threshold:
        row.thresholdMinor !== null && row.currencyCode !== null
          ? { amountMinor: row.thresholdMinor, currencyCode: row.currencyCode }
          : null,
      maxOrders: row.maxOrders,
      windowMinutes: row.windowMinutes,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    };
  });
}

export type FlagRuleErrorCode = 'INVALID' | 'UNSUPPORTED_SETTING' | 'DUPLICATE_RULE';

export interface FlagRuleInput {
  rule: FlagRuleName;
  enabled?: boolean | null;
  thresholdAmount?: string | null;
  currencyCode?: string | null;
  maxOrders?: number | null;
  windowMinutes?: number | null;
}

const MAX_WINDOW_MINUTES = 30 * 24 * 60;
const MAX_ORDERS = 1000;

/**
 * Changes the named rules; settings left out keep their value. Every input
 * mistake is reported at once (by index) and nothing is written then.
 */
export async function updateFlagRules(
  tx: Db,
  input: { rules: FlagRuleInput[] },
  updatedBy: string,
): Promise<Result<FlagRuleSettings[], FlagRuleErrorCode>> {
  const current = new Map((await loadFlagRules(tx)).map((s) => [s.rule, s]));
  const errors: UserError<FlagRuleErrorCode>[] = [];
  const next: FlagRuleSettings[] = [];
  const seen = new Set<FlagRuleName>();
  input.rules.forEach((change, index) => {
    const at = (field: string) => ['input', 'rules', String(index), field];
    const error = (key: FlagRuleKey, field: string, params: Params = {}) => errors.push(flagError(key, at(field), params));
    if (seen.has(change.rule)) {
      error('DUPLICATE_RULE', 'rule', { rule: change.rule });
      return;
    }
    seen.add(change.rule);
    const settings = { ...current.get(change.rule)! };
    const takes = PARAMETERS[change.rule];
    if (change.enabled != null) settings.enabled = change.enabled;
    if (change.thresholdAmount != null || change.currencyCode != null) {
      if (takes !== 'threshold') {
        error('UNSUPPORTED_SETTING', change.thresholdAmount != null ? 'thresholdAmount' : 'currencyCode', { rule: change.rule });
      } else {
        const currencyCode = change.currencyCode ?? settings.threshold?.currencyCode ?? DEFAULT_CURRENCY;
        const amountText = change.thresholdAmount;
        const amountMinor = amountText == null ? settings.threshold?.amountMinor ?? null : parseDecimal(amountText, currencyCode);
        if (amountMinor === null || amountMinor <= 0n) {
          error('INVALID:threshold', 'thresholdAmount');
        } else settings.threshold = { amountMinor, currencyCode };
      }
    }
    for (const [key, max] of [
      ['maxOrders', MAX_ORDERS],
      ['windowMinutes', MAX_WINDOW_MINUTES],
    ] as const) {
      const value = change[key];
      if (value == null) continue;
      if (takes !== 'window') error('UNSUPPORTED_SETTING:setting', key, { rule: change.rule, setting: key });
      else if (!Number.isInteger(value) || value < (key === 'maxOrders' ? 2 : 1) || value > max) {
        error('INVALID:wholeNumber', key, { min: key === 'maxOrders' ? 2 : 1, max });
      } else settings[key] = value;
    }
    next.push(settings);
  });
  if (errors.length) return { ok: false, errors };
  for (const s of next) {
    const values = {
      enabled: s.enabled,
      thresholdMinor: s.threshold?.amountMinor ?? null,
      currencyCode: s.threshold?.currencyCode ?? null,
      maxOrders: s.maxOrders,
      windowMinutes: s.windowMinutes,
      updatedBy,
      updatedAt: sql`now()`,
    };
    await tx.insert(flagRule).values({ rule: s.rule, ...values }).onConflictDoUpdate({ target: flagRule.rule, set: values });
  }
  return ok(await loadFlagRules(tx));
}
