// A saved definition as the engine's query, its preset resolved when the report runs.
import type { ReportQuery } from '../engine/index.js';
import type { SavedReportDefinition } from './definition.js';
import { resolvePreset } from './presets.js';

/** The engine's query for a definition, its preset resolved in the shop's time zone at `now`. */
export function queryOf(definition: SavedReportDefinition, now: Date = new Date()): ReportQuery {
  return {
    metrics: definition.metrics,
    dimensions: definition.dimensions,
    filters: definition.filters,
    range: definition.rangePreset ? resolvePreset(definition.rangePreset, now) : definition.range!,
    comparison: definition.comparison,
    currencyCode: definition.currencyCode ?? null,
    first: 1000,
  };
}
