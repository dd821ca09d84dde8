import DataLoader from 'dataloader';

/**
 * Ids per batch query. postgres.js caps bind parameters at 65,534, and `= any($1)`
 * sends one array parameter, but an unbounded page must still not build an unbounded query.
 */
export const MAX_BATCH_SIZE = 1000;

/** A loader of one row per key; a missing row resolves to null. */
export function rowLoader<K, Row>(
  fetch: (keys: readonly K[]) => Promise<Row[]>,
  keyOf: (row: Row) => K,
): DataLoader<K, Row | null> {
  return new DataLoader(
    async (keys) => {
      const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row] as const));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/** A loader of all rows per parent key, in the order the query returns them. */
export function groupLoader<K, Row>(
  fetch: (keys: readonly K[]) => Promise<Row[]>,
  keyOf: (row: Row) => K,
): DataLoader<K, Row[]> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<K, Row[]>();
      for (const row of await fetch(keys)) {
        const key = keyOf(row);
        const group = groups.get(key);
        if (group) group.push(row);
        else groups.set(key, [row]);
      }
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}
