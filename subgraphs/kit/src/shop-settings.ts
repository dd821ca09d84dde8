import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Db } from './db.js';
import { log } from './log.js';
import { DEFAULT_CURRENCY } from './money.js';
import { shopSettings } from './tables.js';

/** The shop-wide settings every process reads: zone for days and dates, currency, fiscal week, calendars. */
export interface ShopSettings {
  /** IANA time zone of the shop's days (Asia/Bangkok). */
  timeZone: string;
  currencyCode: string;
  /** ISO weekday the fiscal week starts on: 1 = Monday … 7 = Sunday. */
  weekStartsOn: number;
  /** Thai dates in the Buddhist era. */
  buddhistEra: boolean;
  /** Arabic dates in the Hijri (Umm al-Qura) calendar. */
  hijri: boolean;
}

/** Postgres channel a committed change is announced on; every process listening reloads. */
const CHANNEL = 'shop_settings';
const WRITE_LOCK = 7351002;

/** What applies before anyone saved settings: SHOP_TIME_ZONE is only this first default. */
export function defaultShopSettings(): ShopSettings {
  return {
    timeZone: process.env.SHOP_TIME_ZONE || 'Asia/Bangkok',
    currencyCode: DEFAULT_CURRENCY,
    weekStartsOn: 1,
    buddhistEra: true,
    hijri: false,
  };
}

/** This process's copy, loaded at start and refreshed on every change (watchShopSettings); null before. */
let cached: ShopSettings | null = null;

/**
 * The settings as this process last loaded them (the defaults before the first load).
 * Synchronous, so the calendar helpers stay synchronous for their callers.
 */
export function currentShopSettings(): ShopSettings {
  return cached ?? defaultShopSettings();
}

/** The stored settings, or the defaults when none were saved. `tx` may be the pool. */
export async function readShopSettings(tx: Db): Promise<ShopSettings> {
  const [row] = await tx
    .select({
      timeZone: shopSettings.timeZone,
      currencyCode: shopSettings.currencyCode,
      weekStartsOn: shopSettings.weekStartsOn,
      buddhistEra: shopSettings.buddhistEra,
      hijri: shopSettings.hijri,
    })
    .from(shopSettings);
  return row ?? defaultShopSettings();
}

/**
 * The one writer of the shop's settings (access's shopSettingsUpdate calls it in its
 * transaction, after validating): applies `change` to the stored settings under a lock, so
 * concurrent changes of different fields both land. The NOTIFY is delivered when `tx`
 * commits, so every process reloads the committed row and none sees a rolled-back one.
 */
export async function writeShopSettings(
  tx: Db,
  change: Partial<ShopSettings>,
): Promise<{ before: ShopSettings; after: ShopSettings }> {
  // A lock of its own: before the first save there is no row to lock.
  await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK})`);
  const before = await readShopSettings(tx);
  const after = { ...before, ...change };
  const values = { ...after, updatedAt: new Date() };
  await tx.insert(shopSettings).values(values).onConflictDoUpdate({ target: shopSettings.singleton, set: values });
  await tx.execute(sql`select pg_notify(${CHANNEL}, '')`);
  return { before, after };
}

/** One watch per pool: the gateway, the worker and in-process subgraphs may share one. */
const watches = new WeakMap<object, Promise<void>>();

/**
 * Loads the settings into this process and keeps them current: a LISTEN on the pool's own
 * connection reloads on every committed change, and reloads again whenever that connection
 * is (re)established, so a notification missed during an outage is caught up. Resolves once
 * the first load is done. Idempotent per pool.
 */
export function watchShopSettings(db: Db): Promise<void> {
  const client = (db as Db & { $client?: postgres.Sql }).$client;
  if (!client) throw new Error('watchShopSettings needs the pool (connect().db), not a transaction');
  let watch = watches.get(client);
  if (!watch) {
    const reload = () =>
      readShopSettings(db).then(
        (settings) => {
          cached = settings;
        },
        (err: unknown) => log.warn({ err }, 'shop settings not reloaded; keeping the last known'),
      );
    watch = reload()
      .then(() => client.listen(CHANNEL, () => void reload(), () => void reload()))
      .then(() => undefined);
    watches.set(client, watch);
  }
  return watch;
}
