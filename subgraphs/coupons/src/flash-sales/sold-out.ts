// A per-process memory of items whose flash quota ran out, so a spike of late buyers is answered
// "sold out" without a single statement on the item's bucket rows.
//
// A flag is set when a read or a take finds no unit left, and dropped when this process gives
// quota back (an order released) or staff change the quota. Another process's release is seen
// when the flag expires: a flag lives SOLD_OUT_TTL_MS, so a unit given back elsewhere is on sale
// again here within that time at the latest (never sold twice: the buckets decide every sale).

export const SOLD_OUT_TTL_MS = 1_000;

const soldOutUntil = new Map<string, number>();

/** Whether this process saw the item sold out less than SOLD_OUT_TTL_MS ago. */
export function knownSoldOut(itemId: string, now = Date.now()): boolean {
  const until = soldOutUntil.get(itemId);
  if (until === undefined) return false;
  if (until > now) return true;
  soldOutUntil.delete(itemId);
  return false;
}

export function markSoldOut(itemId: string, now = Date.now()): void {
  soldOutUntil.set(itemId, now + SOLD_OUT_TTL_MS);
}

/** Quota came back or changed: the next buyer asks the buckets again. */
export function forgetSoldOut(itemIds: Iterable<string>): void {
  for (const id of itemIds) soldOutUntil.delete(id);
}
