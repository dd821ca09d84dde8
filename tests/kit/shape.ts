/**
 * Typed reads of GraphQL answers in tests, so a test names the shape it expects
 * instead of reading `data` through `any`.
 */

/** A Relay connection as the subgraphs return it; tests select only some fields. */
export interface Connection<N> {
  totalCount: number;
  edges: { node: N; cursor?: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * The answer's `data`, typed as the shape the test selected. Throws when there is
 * no data, so a failed operation shows its errors instead of a TypeError later.
 */
export function dataOf<T>(result: { data?: unknown; errors?: readonly unknown[] }): T {
  if (result.data === null || typeof result.data !== 'object') {
    throw new Error(`no data in answer: ${JSON.stringify(result.errors ?? result)}`);
  }
  // The cast is the point: GraphQL already checked the answer against the schema,
  // and T is the selection the test wrote.
  return result.data as T;
}
