/** Daily roll-ups, recomputed whole per (shop day, currency) from the facts. */
export { enqueueRollups, rebuildRollups, ROLLUP_DAY_TASK, rollupDay, rollupDayIn, type RollupDayPayload } from './service.js';
