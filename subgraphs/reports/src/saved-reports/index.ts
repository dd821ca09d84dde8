// Saved reports: definitions under a name, shared with roles.
export { parseDefinition, type SavedReportDefinition } from './definition.js';
export { queryOf } from './query.js';
export { resolvePreset, RANGE_PRESETS, type RangePreset } from './presets.js';
export { savedReportCreate, savedReportDelete, savedReportsOf, savedReportUpdate } from './service.js';
export { savedReportsByIds } from './visibility.js';
export { savedReport, type SavedReportRow } from './tables.js';
