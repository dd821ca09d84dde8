import { GraphQLError } from 'graphql';

/** Codes for GraphQL errors: authentication, permission, limits and faults only. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'THROTTLED'
  | 'INTERNAL'
  /** A server or a gateway→subgraph link is at capacity; nothing ran (HTTP 503, Retry-After). */
  | 'OVERLOADED'
  /** A subgraph did not answer in time (HTTP 504, Retry-After); `outcomeUnknown` says whether a mutation may have run. */
  | 'SUBGRAPH_TIMEOUT'
  /** A subgraph could not be reached or dropped the connection (HTTP 503, Retry-After); `outcomeUnknown` as above. */
  | 'SUBGRAPH_UNAVAILABLE';

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}
