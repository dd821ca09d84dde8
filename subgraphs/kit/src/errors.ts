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
  | 'INTERNAL';

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}
