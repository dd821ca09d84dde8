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

/** The least spread a deviation is measured in: a share of the baseline and an amount in the metric's unit. */
export interface SpreadFloor {
  relative: number;
  absolute: number;
}

/**
 * The value's deviation from the history's median, in scaled MADs, with the spread floored (a flat history must not
 * alert on a tiny change). Null when there is no history or no spread at all to measure against.
 */
export function robustDeviation(value: number, history: readonly number[], floor: SpreadFloor): Deviation | null {
  if (!history.length) return null;
  const baseline = median(history);
  const mad = median(history.map((x) => Math.abs(x - baseline)));
  const spread = Math.max(MAD_TO_SIGMA * mad, floor.relative * Math.abs(baseline), floor.absolute);
  if (spread === 0) return null;
  return { baseline, spread, deviation: (value - baseline) / spread };
}
