// The roll-up rebuild for tests and benchmarks outside reports, which seed facts with SQL and then roll them up.
export { rebuildRollups } from '../src/rollups/service.js';
