// Roll-ups: per shop day and currency, recomputed from the facts.
export { enqueueRollups, rebuildRollups, rollupDay, ROLLUP_DAY_TASK } from './service.js';
