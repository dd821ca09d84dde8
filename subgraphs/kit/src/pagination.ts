import { codedError } from './errors.js';

/** Relay connection arguments as they arrive from the API. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A keyset position: the sort value and the id that breaks ties. */
export interface Keyset {
  value: string | number | null;
  id: string;
}

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.value, keyset.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      Keyset['value'],
      string,
    ];
    if (typeof id !== 'string') throw new Error('bad id');
    return { value, id };
  } catch {
    // Not echoed: a crafted cursor may be long or hold anything.
    throw codedError('BAD_USER_INPUT', 'Invalid cursor.');
  }
}

export interface PageRequest {
  /** Rows to fetch (one more than the page, to learn whether another page exists). */
  limit: number;
  size: number;
  /** Walk the sort order backwards (last/before). */
  backward: boolean;
  cursor: Keyset | null;
}

/** Validates first/last and turns the arguments into one keyset query plan. */
export function pageRequest(args: ConnectionArgs): PageRequest {
  if (args.first != null && args.last != null) {
    throw codedError('BAD_USER_INPUT', 'Pass either first or last, not both.');
  }
  const requested = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(requested) || requested < 0 || requested > MAX_PAGE_SIZE) {
    throw codedError('BAD_USER_INPUT', `Page size must be between 0 and ${MAX_PAGE_SIZE}.`, {
      argument: args.first != null ? 'first' : 'last',
    });
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  const cursorText = backward ? args.before : args.after;
  return {
    limit: requested + 1,
    size: requested,
    backward,
    cursor: cursorText ? decodeCursor(cursorText) : null,
  };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: () => Promise<number>;
}

/**
 * Builds the connection from rows fetched with `pageRequest` (in query order).
 * totalCount is lazy: it runs only when the client selects it.
 */
export function toConnection<T>(
  rows: T[],
  page: PageRequest,
  keysetOf: (row: T) => Keyset,
  count: () => Promise<number>,
): Connection<T> {
  const hasMore = rows.length > page.size;
  const pageRows = rows.slice(0, page.size);
  if (page.backward) pageRows.reverse();
  const edges = pageRows.map((node) => ({ cursor: encodeCursor(keysetOf(node)), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backward ? page.cursor !== null : hasMore,
      hasPreviousPage: page.backward ? hasMore : page.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => (total ??= count()),
  };
}
