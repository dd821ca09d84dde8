// What a saved report stores: the builder's choices from the whitelisted catalog, validated before they are kept.
import { z } from 'zod';

export const RANGE_PRESETS = [
  'TODAY', 'YESTERDAY', 'LAST_7_DAYS', 'LAST_30_DAYS', 'THIS_WEEK', 'LAST_WEEK', 'THIS_MONTH', 'LAST_MONTH', 'THIS_YEAR', 'LAST_YEAR',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const shopDay = z.iso.date();

export const savedReportDefinition = z
  .object({
    metrics: z.array(z.string().regex(/^[A-Z_]+$/)).min(1).max(8),
    dimensions: z.array(z.string().regex(/^[A-Z_]+$/)).max(2).default([]),
    filters: z.array(z.object({ dimension: z.string().regex(/^[A-Z_]+$/), values: z.array(z.string().max(200)).min(1).max(100) })).max(10).default([]),
    rangePreset: z.enum(RANGE_PRESETS).nullish(),
    range: z.object({ from: shopDay, to: shopDay }).nullish(),
    comparison: z.enum(['NONE', 'PREVIOUS_PERIOD', 'PREVIOUS_YEAR']).default('NONE'),
    currencyCode: z.string().length(3).nullish(),
  })
  // A report runs over a preset resolved at run time, or one fixed range: exactly one of them.
  .refine((d) => (d.rangePreset == null) !== (d.range == null), { path: ['rangePreset'], message: 'Give a range preset or a fixed range.' });

export type SavedReportDefinition = z.infer<typeof savedReportDefinition>;
