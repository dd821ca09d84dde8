// The reports subgraph: schema, resolvers, loaders, permissions and tasks put together.
import { defineSubgraph } from '@shop/kit';
import { scheduledAt } from '@shop/kit/jobs';
import { dailyAtShopTime } from '@shop/kit/shop-time';
import { z } from 'zod';
import { EVALUATE_TASK, evaluateDay, notifyAnomaly, NOTIFY_TASK } from './anomalies/index.js';
import { EXPORT_TASK, writeReportExport } from './exports/index.js';
import { createLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';
import { recordOrder, recordOrders, recordRefund, recordTraffic } from './facts/index.js';
import { ROLLUP_DAY_TASK, rollupDay } from './rollups/index.js';
import { addDays, deliverPeriod, DELIVER_TASK, queueDueDeliveries, shopDayOf, TICK_TASK } from './schedules/index.js';

const byId = <K extends string>(key: K) => z.object({ [key]: z.uuid() } as Record<K, z.ZodUUID>);

export const reports = defineSubgraph({
  name: 'reports',
  moduleUrl: import.meta.url,
  resolvers,
  createLoaders,
  permissions,
  tasks: {
    // A malformed payload throws (zod), so the job stays failed and visible instead of writing a bad fact.
    'reports.recordOrder': (payload, db) => recordOrder(db, payload),
    'reports.recordOrders': (payload, db) => recordOrders(db, payload),
    'reports.recordRefund': (payload, db) => recordRefund(db, payload),
    'reports.recordTraffic': (payload, db) => recordTraffic(db, payload),
    [ROLLUP_DAY_TASK]: (payload, db) => rollupDay(db, payload),
    [TICK_TASK]: async (payload, db) => void (await queueDueDeliveries(db, scheduledAt(payload))),
    [DELIVER_TASK]: async (payload, db) => deliverPeriod(db, byId('deliveryId').parse(payload).deliveryId),
    [EXPORT_TASK]: async (payload, db) => writeReportExport(db, byId('exportId').parse(payload).exportId),
    // The day that closed before the scheduled time, in shop time.
    [EVALUATE_TASK]: async (payload, db) => void (await evaluateDay(db, addDays(shopDayOf(scheduledAt(payload)), -1))),
    [NOTIFY_TASK]: async (payload, db) => notifyAnomaly(db, byId('alertId').parse(payload).alertId),
  },
  schedules: [
    { task: TICK_TASK, cron: '* * * * *' },
    // A quarter of an hour after the shop's midnight: the day's last facts have been recorded.
    { task: EVALUATE_TASK, cron: dailyAtShopTime('00:15') },
  ],
});
