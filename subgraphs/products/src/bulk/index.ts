// Bulk import and export of the catalog (CSV): entry-point rules, the worker task, and what the gateway and benchmark call.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { runImportJob } from './import-task.js';
import { IMPORT_TASK } from './service.js';

/** Operators only; the gateway has checked catalog:write (import) and catalog:read (jobs). */
export const bulkPermissions: EntryPointRules = {
  Query: { productImportPreview: rules.operator, job: rules.operator },
  Mutation: { productImportStart: rules.operator },
};

export const bulkTasks = { [IMPORT_TASK]: runImportJob };

// What the gateway's file routes call (gateway/src/routes/product-import.ts, product-export.ts).
export { COLUMNS, MAX_UPLOAD_BYTES } from './columns.js';
export { errorReportCsv } from './error-report.js';
export { jobById } from './service.js';
export { saveUpload, uploadPath, UploadTooLargeError } from './storage.js';
export { exportProducts } from './export.js';
export type { ProductFilter } from '../service.js';
// The import's steps one by one, for tests/bench/catalog-bulk.ts, which times each.
export { checkImport } from './check.js';
export { runImportJob } from './import-task.js';
export { importStart } from './service.js';
