// Batch work on many orders (ship from a CSV, tag, export): the worker task, entry rules, and what the gateway and bench call.
import { BATCH_TASK } from './service.js';
import { runBatch } from './task.js';

export const batchTasks = { [BATCH_TASK]: runBatch };

export { batchPermissions } from './permissions.js';
export { batchRunById } from './service.js';
export { exportPath } from './storage.js';
export { writeOrderExport, EXPORT_COLUMNS, type ExportFormat } from './export.js';
export { runBatch } from './task.js';
