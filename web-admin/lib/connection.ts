/** Page size of every list in the console. */
export const pageSize = 20;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** The shape every generated connection result has; what list components take. */
export interface Connection<TNode> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: readonly { node: TNode }[];
}

/** The node type of a generated connection result (`NodeOf<CouponsListQuery['coupons']>`). */
export type NodeOf<TConnection extends { edges: readonly { node: unknown }[] } | null | undefined> =
  NonNullable<TConnection>['edges'][number]['node'];

/** The element type of a generated list result, which may be null where policy withholds it. */
export type ItemOf<TList extends readonly unknown[] | null | undefined> = NonNullable<TList>[number];

/** The Relay arguments every list query takes. */
export interface PageVariables {
  first: number | null;
  after: string | null;
  last: number | null;
  before: string | null;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** Reads one search parameter as a single non-empty string. */
export function param(searchParams: SearchParams, name: string): string | null {
  const value = searchParams[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text ? text : null;
}

/** Turns `?after=` / `?before=` into connection arguments: backwards with `before`, else forwards. */
export function pageVariables(searchParams: SearchParams): PageVariables {
  const before = param(searchParams, 'before');
  if (before) return { first: null, after: null, last: pageSize, before };
  return { first: pageSize, after: param(searchParams, 'after'), last: null, before: null };
}

/** The same page with each node mapped, e.g. to a row whose dates are formatted on the server. */
export function mapNodes<TNode, TRow>(
  connection: Connection<TNode>,
  map: (node: TNode, index: number) => TRow,
): Connection<TRow> {
  return {
    totalCount: connection.totalCount,
    pageInfo: connection.pageInfo,
    edges: connection.edges.map(({ node }, index) => ({ node: map(node, index) })),
  };
}
