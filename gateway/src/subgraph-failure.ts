import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { codedError, overloadedExtensions, overloadedMessage, type ErrorCode } from '@shop/kit';

/** What a client should wait before resending after a subgraph timed out or was unreachable. */
export const SUBGRAPH_RETRY_AFTER_SECONDS = 1;

/**
 * Why a fetch to a subgraph failed, by what it means for the caller:
 * `unsent` never reached the subgraph (nothing ran there); `timeout` and
 * `broken` may have reached it (a mutation may have run); `other` is anything
 * else (an unreadable answer).
 */
export type FetchFailure = 'timeout' | 'unsent' | 'broken' | 'other';

/** Connection errors raised before a single byte of the request can have been delivered. */
const UNSENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
/** The connection broke after the request may have been delivered. */
const BROKEN_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);

/** Every error code in an error's cause chain (fetch wraps socket errors; Happy Eyeballs aggregates them). */
function codesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  return [
    ...(typeof code === 'string' ? [code] : []),
    ...codesOf(cause, depth + 1),
    ...(Array.isArray(errors) ? errors.flatMap((e) => codesOf(e, depth + 1)) : []),
  ];
}

export function classifyFetchFailure(error: unknown): FetchFailure {
  // AbortSignal.timeout() rejects with a DOMException named TimeoutError, also while the body streams in.
  const name = error && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const codes = codesOf(error);
  if (codes.some((c) => BROKEN_CODES.has(c))) return 'broken';
  if (codes.some((c) => UNSENT_CODES.has(c))) return 'unsent';
  return 'other';
}

function withRetryAfter(code: ErrorCode, message: string, status: number, extensions: Record<string, unknown>) {
  return codedError(code, message, {
    ...extensions,
    retryable: true,
    retryAfterSeconds: SUBGRAPH_RETRY_AFTER_SECONDS,
    // Apollo Server takes the HTTP status and headers from here and removes the key from the answer.
    http: { status, headers: new HeaderMap([['retry-after', String(SUBGRAPH_RETRY_AFTER_SECONDS)]]) },
  });
}

const MAY_HAVE_RUN =
  ' The mutation may or may not have been applied: retry it with the same idempotency key, which answers the first outcome instead of applying it twice (check a mutation without a key before resending it).';

/**
 * A fetch failure as a GraphQL error with a code, the subgraph's name and
 * whether the client may retry. Never the raw error: a DOMException's
 * `message` cannot be assigned, and plugins that rewrite messages would turn
 * it into an HTTP 500; its text also says nothing useful to a client.
 */
export function subgraphFailureError(failure: FetchFailure, subgraph: string, options: { mutation: boolean; timeoutMs: number }): GraphQLError {
  const outcomeUnknown = options.mutation && failure !== 'unsent';
  const then = `${outcomeUnknown ? MAY_HAVE_RUN : ''} Retry after ${SUBGRAPH_RETRY_AFTER_SECONDS} s.`;
  switch (failure) {
    case 'timeout':
      return withRetryAfter('SUBGRAPH_TIMEOUT', `The ${subgraph} service did not answer within ${options.timeoutMs} ms.${then}`, 504, {
        subgraph,
        outcomeUnknown,
      });
    case 'unsent':
      return withRetryAfter('SUBGRAPH_UNAVAILABLE', `The ${subgraph} service cannot be reached; nothing was sent to it.${then}`, 503, {
        subgraph,
        outcomeUnknown,
      });
    case 'broken':
      return withRetryAfter('SUBGRAPH_UNAVAILABLE', `The connection to the ${subgraph} service broke before it answered.${then}`, 503, {
        subgraph,
        outcomeUnknown,
      });
    case 'other':
      return codedError('INTERNAL', `The ${subgraph} service answered something the gateway could not read.`, {
        subgraph,
        retryable: false,
        outcomeUnknown,
      });
  }
}

/**
 * The gateway's link to a subgraph, or the subgraph server itself, is at
 * capacity: this call to it ran nothing there.
 */
export function subgraphOverloadedError(subgraph: string, retryAfterSeconds: number): GraphQLError {
  return codedError('OVERLOADED', overloadedMessage(`The ${subgraph} service`, retryAfterSeconds), {
    ...overloadedExtensions(retryAfterSeconds, { subgraph }),
    http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}

/** The subgraph server itself refused the request as OVERLOADED (HTTP 503 before executing anything). */
export function isOverloadedAnswer(status: number, body: unknown): boolean {
  if (status !== 503 || !body || typeof body !== 'object') return false;
  const errors = (body as { errors?: { extensions?: { code?: unknown } }[] }).errors;
  return Array.isArray(errors) && errors.some((e) => e?.extensions?.code === 'OVERLOADED');
}
