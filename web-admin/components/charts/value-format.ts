/** How a report value is measured (ReportMetricUnit). */
export type ValueUnit = 'MONEY' | 'COUNT' | 'RATIO';

/**
 * A formatter for one unit in the viewer's locale: money in the report's currency,
 * ratios as percentages, counts with the locale's digits. `compact` shortens axis labels (1.2K).
 */
export function valueFormatter(unit: ValueUnit, locale: string, currencyCode: string, compact = false): (value: number) => string {
  const notation = compact ? ('compact' as const) : undefined;
  const format =
    unit === 'MONEY'
      ? new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode, notation })
      : unit === 'RATIO'
        ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
        : new Intl.NumberFormat(locale, { notation, maximumFractionDigits: 2 });
  return (value) => format.format(value);
}
