/**
 * Wall-clock times in the shop's time zone, for pickers and the calendar: staff plan a session
 * "from 20:00" in the shop's day, wherever their browser is. The zone comes from the server
 * (SHOP_TIME_ZONE); these helpers only use Intl, so they run in the browser too.
 */

function partsIn(date: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** An instant as the shop's wall clock, "YYYY-MM-DDTHH:mm" (the value of an input type=datetime-local). */
export function toShopLocal(iso: string, timeZone: string): string {
  const p = partsIn(new Date(iso), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The shop's day (YYYY-MM-DD) of an instant. */
export function shopDayOf(date: Date, timeZone: string): string {
  return toShopLocal(date.toISOString(), timeZone).slice(0, 10);
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsIn(new Date(instant), timeZone);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - Math.floor(instant / 60_000) * 60_000;
}

/** A shop wall-clock time ("YYYY-MM-DDTHH:mm") as an ISO instant; null when it is not one. */
export function fromShopLocal(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The instant the shop's day begins (00:00 there). */
export function shopDayStart(day: string, timeZone: string): string {
  return fromShopLocal(`${day}T00:00`, timeZone)!;
}

/** The day `n` days after a YYYY-MM-DD day (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
