// Shop settings: validating a change and handing it to the kit, which owns the row every process reads.
import { callersLocale, changeOf, currencyExponent, failWith, ok, userError, type ChangeRecord, type Db } from '@shop/kit';
import { writeShopSettings, type ShopSettings } from '@shop/kit/shop-settings';
import { isTimeZone } from '@shop/kit/shop-time';
import type { AccessResult } from '../service.js';
import { SETTINGS_MESSAGES, type SettingsErrorCode } from './messages.js';

export interface ShopSettingsChange {
  timeZone?: string | null;
  currencyCode?: string | null;
  weekStartsOn?: number | null;
  buddhistEra?: boolean | null;
  hijri?: boolean | null;
}

const supportedCurrency = (code: string) => {
  try {
    currencyExponent(code);
    return true;
  } catch {
    return false;
  }
};

/**
 * Changes the shop's settings in `tx` (fields absent or null keep their value), records the
 * change for the audit row, and refuses an unknown zone, an unsupported currency or a week
 * start outside 1..7 with nothing written. Messages are in the caller's language.
 */
export async function shopSettingsUpdate(
  tx: Db,
  input: ShopSettingsChange,
  changes: ChangeRecord[],
  acceptLanguage: string | null | undefined,
): Promise<AccessResult<ShopSettings>> {
  const messages = SETTINGS_MESSAGES[callersLocale(acceptLanguage)];
  const refuse = (code: SettingsErrorCode, field: string) => userError(code, messages[code], ['input', field]);
  const errors = [];
  if (input.timeZone != null && !isTimeZone(input.timeZone)) errors.push(refuse('UNKNOWN_TIME_ZONE', 'timeZone'));
  if (input.currencyCode != null && !supportedCurrency(input.currencyCode)) errors.push(refuse('UNSUPPORTED_CURRENCY', 'currencyCode'));
  if (input.weekStartsOn != null && !(Number.isInteger(input.weekStartsOn) && input.weekStartsOn >= 1 && input.weekStartsOn <= 7)) {
    errors.push(refuse('INVALID', 'weekStartsOn'));
  }
  if (errors.length) return failWith(errors);
  const change = Object.fromEntries(Object.entries(input).filter(([, value]) => value != null)) as Partial<ShopSettings>;
  const { before, after } = await writeShopSettings(tx, change);
  const record = changeOf('ShopSettings', 'shop', { ...before }, { ...after });
  if (record) changes.push(record);
  return ok(after);
}
