// Saved reports: definitions under a name, shared with roles.
export { parseDefinition, queryOf, type SavedReportDefinition } from './definition.js';
export { resolvePreset, RANGE_PRESETS, type RangePreset } from './presets.js';
export { savedReportCreate, savedReportDelete, savedReportsByIds, savedReportsOf, savedReportUpdate } from './service.js';
export { savedReport, type SavedReportRow } from './tables.js';
