// A robust deviation: how far a value is from the median of its history, in scaled median absolute deviations.

/** The MAD of a normal distribution times this is its standard deviation, so thresholds read like z-scores. */
const MAD_TO_SIGMA = 1.4826;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Deviation {
  baseline: number;
  /** The spread the deviation is measured in: the scaled MAD, at least the floor. */
  spread: number;
  deviation: number;
}

/**
 * The value's deviation from the history's median, in scaled MADs, with the spread floored at `minRelativeSpread`
 * of the baseline (a flat history must not alert on a tiny change). Null when the history is empty or flat at zero
 * (nothing to measure against).
 */
export function robustDeviation(value: number, history: readonly number[], minRelativeSpread: number): Deviation | null {
  if (!history.length) return null;
  const baseline = median(history);
  const mad = median(history.map((x) => Math.abs(x - baseline)));
  const spread = Math.max(MAD_TO_SIGMA * mad, minRelativeSpread * Math.abs(baseline));
  if (spread === 0) return null;
  return { baseline, spread, deviation: (value - baseline) / spread };
}
