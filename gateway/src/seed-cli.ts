/**
 * `pnpm seed [--scale N] [--reset]`: writes the demo shop into the database
 * that `pnpm start` uses (DATABASE_URL or the embedded one). N=100 gives about
 * 200,000 orders for benchmarks. Refuses a non-empty database unless --reset.
 */
import './telemetry-off.js';
import { parseArgs } from 'node:util';
import { openDatabase } from './database.js';
import { isEmpty, seedDemo, truncateAll } from './seed/index.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, reset: { type: 'boolean', default: false } } });
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
  console.error('--scale must be an integer from 1 to 1000');
  process.exit(2);
}
const database = await openDatabase();
try {
  if (values.reset) await truncateAll(database.db);
  else if (!(await isEmpty(database.db))) {
    console.error('The database already holds shop data. Run with --reset to replace it.');
    process.exitCode = 1;
  }
  if (process.exitCode !== 1) {
    const plan = await seedDemo(database.db, { scale });
    console.log(`seeded ${plan.products.length} products, ${plan.members.length} members, ${plan.orders.length} orders`);
  }
} finally {
  await database.stop();
}
