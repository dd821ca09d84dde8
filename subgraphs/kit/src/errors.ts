import { GraphQLError } from 'graphql';

/** Codes for GraphQL errors: authentication, permission, limits and faults only. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'THROTTLED'
  /** Too much work in flight to take this request now; retry after `Retry-After`. */
  | 'OVERLOADED'
  /** PostgreSQL cannot be reached (restarting, stopped); retry after `Retry-After`. */
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL';

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}
