import { sql } from 'drizzle-orm';
import { BACKGROUND_STATEMENT, type Db } from './db.js';
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

/** This process's copy, loaded at start and refreshed every few seconds (watchShopSettings); null before. */
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

/** readShopSettings for the reload timer: the same row, read as a background statement (not a request's). */
async function pollShopSettings(db: Db): Promise<ShopSettings> {
  const rows = await db.execute<Record<string, unknown> & ShopSettings>(
    sql.raw(
      `${BACKGROUND_STATEMENT} select time_zone as "timeZone", currency_code as "currencyCode", week_starts_on as "weekStartsOn",` +
        ` buddhist_era as "buddhistEra", hijri from kit.shop_settings`,
    ),
  );
  const row = rows[0];
  return row ? { timeZone: row.timeZone, currencyCode: row.currencyCode.trim(), weekStartsOn: Number(row.weekStartsOn), buddhistEra: row.buddhistEra, hijri: row.hijri } : defaultShopSettings();
}

/**
 * The one writer of the shop's settings (access's shopSettingsUpdate calls it in its
 * transaction, after validating): applies `change` to the stored settings under a lock, so
 * concurrent changes of different fields both land. Processes pick it up at their next reload.
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
  return { before, after };
}

/** How often each process reloads the settings: a change reaches every process within this. */
const REFRESH_MS = 2_000;

/** One watch per pool: the gateway, the worker and in-process subgraphs may share one. */
const watches = new WeakMap<Db, Promise<void>>();

/**
 * Loads the settings into this process and keeps them current: reloaded every 2 seconds on
 * the pool (one indexed read of one row), so every process (gateway, subgraph processes, worker)
 * follows a change within seconds and an outage only delays it. Resolves once the first load is
 * done. Idempotent per pool; the timer never keeps a process alive.
 *
 * Why not LISTEN/NOTIFY: postgres.js's listener connection let a failed reconnect escape as an
 * unhandled rejection while PostgreSQL restarted (tests/graph/database-restart.test.ts).
 */
export function watchShopSettings(db: Db): Promise<void> {
  let watch = watches.get(db);
  if (!watch) {
    const reload = () =>
      pollShopSettings(db).then(
        (settings) => {
          cached = settings;
        },
        (err: unknown) => log.warn({ err }, 'shop settings not reloaded; keeping the last known'),
      );
    watch = reload().then(() => {
      setInterval(() => void reload(), REFRESH_MS).unref();
    });
    watches.set(db, watch);
  }
  return watch;
}
