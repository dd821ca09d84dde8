import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Operators only; the gateway has checked orders:write (ship, book, tag) and orders:read (export, runs). */
export const batchPermissions: EntryPointRules = {
  Query: { orderBatchRun: rules.operator, orderBatchRuns: rules.operator },
  Mutation: { orderBatchShipFromCsv: rules.operator, orderBatchBook: rules.operator, orderBatchTag: rules.operator, orderBatchExport: rules.operator },
};
