import { GraphQLError } from 'graphql';

/** Codes for GraphQL errors: authentication, permission, limits and faults only. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** A fresh password confirmation (stepUpConfirm) would allow the operation. */
  | 'STEP_UP_REQUIRED'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'THROTTLED'
  /** A server or a gateway→subgraph link is at capacity; nothing ran (HTTP 503, Retry-After). */
  | 'OVERLOADED'
  /** A subgraph did not answer in time (HTTP 504, Retry-After); `outcomeUnknown` says whether a mutation may have run. */
  | 'SUBGRAPH_TIMEOUT'
  /** A subgraph could not be reached or dropped the connection (HTTP 503, Retry-After); `outcomeUnknown` as above. */
  | 'SUBGRAPH_UNAVAILABLE'
  /** PostgreSQL cannot be reached (restarting, stopped); retry after `Retry-After`. */
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL';

/**
 * Every ErrorCode at run time: the error mask (error-mask.ts) passes these through
 * and hides every other error. Keyed by the union, so a code added above without
 * being added here fails the type check instead of being masked in production.
 */
const ERROR_CODE_SET: Record<ErrorCode, true> = {
  UNAUTHENTICATED: true,
  FORBIDDEN: true,
  STEP_UP_REQUIRED: true,
  NOT_FOUND: true,
  BAD_USER_INPUT: true,
  THROTTLED: true,
  OVERLOADED: true,
  SUBGRAPH_TIMEOUT: true,
  SUBGRAPH_UNAVAILABLE: true,
  DATABASE_UNAVAILABLE: true,
  INTERNAL: true,
};
export const ERROR_CODES = Object.keys(ERROR_CODE_SET) as ErrorCode[];

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}
