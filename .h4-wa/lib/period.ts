const dayMs = 24 * 60 * 60 * 1000;

/** The `from`/`to` range (ISO date-times) of the last `days` days, ending now. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  return { from: new Date(now.getTime() - days * dayMs).toISOString(), to: now.toISOString() };
}
