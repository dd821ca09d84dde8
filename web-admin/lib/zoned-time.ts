/**
 * Wall-clock times in a given IANA time zone (the shop's), as a `datetime-local` input holds
 * them (`YYYY-MM-DDTHH:mm`), to and from instants. Pure (Intl only), so it runs in the browser:
 * a schedule typed in Bangkok means Bangkok's clock whatever the viewer's computer says.
 */

const wallFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The wall time (`YYYY-MM-DDTHH:mm`) an instant shows in `timeZone`. */
export function wallTimeOf(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(wallFormat(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Milliseconds `timeZone` is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallTimeOf(new Date(instant), timeZone);
  return Date.parse(`${wall}:00Z`) - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant (ISO) at which `timeZone`'s clock shows `wall`; null for text that is no wall
 * time. A wall time skipped by a daylight-saving jump resolves to the offset before the jump.
 */
export function instantOfWallTime(wall: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wall)) return null;
  const asUtc = Date.parse(`${wall}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  // Two passes: the offset at the first guess may differ from the offset at the answer (DST edges).
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(second).toISOString();
}
