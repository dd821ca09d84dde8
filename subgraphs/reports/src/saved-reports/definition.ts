// What a saved report stores: the builder's choices from the whitelisted catalog, validated before they are kept.
import { z } from 'zod';
import { fail, ok, type Principal, type Result } from '@shop/kit';
import { mayUseMetric, REPORT_DIMENSIONS, REPORT_METRICS } from '../catalog/index.js';
import { RANGE_PRESETS } from './presets.js';

/** The longest fixed range a report may cover, as the engine allows. */
const MAX_RANGE_DAYS = 731;

const shopDay = z.iso.date();

export const savedReportDefinition = z.object({
  metrics: z.array(z.enum(REPORT_METRICS)).min(1).max(8),
  dimensions: z.array(z.enum(REPORT_DIMENSIONS)).max(2).default([]),
  filters: z.array(z.object({ dimension: z.enum(REPORT_DIMENSIONS), values: z.array(z.string().max(200)).min(1).max(100) })).max(10).default([]),
  rangePreset: z.enum(RANGE_PRESETS).nullish(),
  range: z
    .object({ from: shopDay, to: shopDay })
    .refine((r) => r.from <= r.to && Date.parse(r.to) - Date.parse(r.from) < MAX_RANGE_DAYS * 86_400_000)
    .nullish(),
  comparison: z.enum(['NONE', 'PREVIOUS_PERIOD', 'PREVIOUS_YEAR']).default('NONE'),
  currencyCode: z.string().length(3).nullish(),
});

export type SavedReportDefinition = z.infer<typeof savedReportDefinition>;

export type DefinitionErrorCode = 'DEFINITION_INVALID' | 'METRIC_FORBIDDEN';

/**
 * The definition as stored, or why not: it must parse, name a preset or a fixed range (exactly one), and hold only
 * metrics the principal may read (a report shared later never shows a metric its author could not).
 */
export function parseDefinition(input: unknown, principal: Principal): Result<SavedReportDefinition, DefinitionErrorCode> {
  const parsed = savedReportDefinition.safeParse(input);
  if (!parsed.success) {
    return fail('DEFINITION_INVALID', 'The report definition is not valid.', ['definition', ...parsed.error.issues[0]!.path.map(String)]);
  }
  const definition = parsed.data;
  if ((definition.rangePreset == null) === (definition.range == null)) {
    return fail('DEFINITION_INVALID', 'Give a range preset or a fixed range, not both.', ['definition', 'rangePreset']);
  }
  const forbidden = definition.metrics.find((metric) => !mayUseMetric(principal, metric));
  if (forbidden) return fail('METRIC_FORBIDDEN', `Your access does not cover the metric ${forbidden}.`, ['definition', 'metrics']);
  return ok(definition);
}
