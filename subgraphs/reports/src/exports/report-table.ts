// Runs a saved definition over a range of shop days into a table for a file.
import { DEFAULT_CURRENCY, type Db } from '@shop/kit';
import { salesSummary } from '../service.js';
import { addDays, shopInstant, type DayRange } from '../schedules/calendar.js';
import type { SavedReportDefinition } from '../saved-reports/definition.js';

/**
 * Sales per shop day of the range (GMV, orders, average order value) in the definition's currency, through the
 * sales summary (one statement per day). The report engine of #15 replaces this with the definition's own metrics
 * and dimensions once it lands; the file shape (a header row, then text cells) stays.
 */
export async function reportTable(db: Db, definition: SavedReportDefinition, range: DayRange) {
  const currencyCode = definition.currencyCode ?? DEFAULT_CURRENCY;
  const rows: string[][] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const result = await salesSummary(db, { from: shopInstant(day, '00:00'), to: shopInstant(addDays(day, 1), '00:00'), currencyCode });
    if (!result.ok) throw new Error(`sales summary refused ${day}: ${result.errors[0]!.code}`);
    const { gmv, orderCount, averageOrderValue } = result.value;
    rows.push([day, gmv.amount, String(orderCount), averageOrderValue.amount]);
  }
  return { columns: ['day', 'gmv', 'orders', 'average_order_value'], rows };
}
