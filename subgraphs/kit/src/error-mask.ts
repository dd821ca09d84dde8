import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from './errors.js';
import type { Logger } from './log.js';

/**
 * Codes whose errors reach the client as written: the project's own (ErrorCode)
 * and the ones Apollo Server raises for a malformed request. Everything else
 * (database errors, TypeErrors, a subgraph's DOWNSTREAM_SERVICE_ERROR, unknown
 * codes, and INTERNAL_SERVER_ERROR itself, Apollo's default for an uncoded error)
 * is an unexpected fault and is answered with a code and the request id only.
 */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Only with DEBUG_ERRORS=1 (a developer's machine) do errors keep their message and stack trace. */
export const DEBUG_ERRORS = process.env.DEBUG_ERRORS === '1';

const UNEXPECTED = 'Unexpected error.';
/** Long enough for any message we write; coercion errors echo the caller's value, which may be huge. */
const MAX_MESSAGE_LENGTH = 500;

/**
 * What an error message must never carry, even under a public code: SQL, stack
 * frames, file paths and the names of the libraries underneath.
 */
const INSIDE_DETAIL = [
  /Failed query|\bselect\b[\s\S]{0,500}\bfrom\s+"?\w+"?\./i,
  /\binsert into\b|\bdelete from\b/i,
  /\bupdate\s+"?\w+"?\."?\w+"?\s+set\b/i,
  /\$\d+\b/,
  /\n\s+at /,
  /node_modules|\/work\/|\/home\/|\.[cm]?[tj]s:\d+/,
  /drizzle|postgres|graphql-armor|DOMException/i,
];

/** graphql-js appends suggestions to validation and coercion messages; they name fields a caller may not see. */
const SUGGESTION = 'Did you mean';

const codeOf = (error: unknown): string | undefined =>
  error instanceof GraphQLError && typeof error.extensions?.code === 'string' ? error.extensions.code : undefined;

/** Whether the client may read this error as it is (its code is on the public list). */
export function isPublicError(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && PUBLIC_ERROR_CODES.has(code);
}

/** A public error's message without suggestions or inside detail, and of bounded length. */
export function publicMessage(message: string, code: string): string {
  // indexOf, not a regular expression: the message may echo a huge value.
  const suggestion = message.indexOf(SUGGESTION);
  const whole = (suggestion >= 0 ? message.slice(0, suggestion) : message).trimEnd();
  // Cut first: the patterns below then run over a bounded text, however long the echoed value.
  const text = whole.length > MAX_MESSAGE_LENGTH ? `${whole.slice(0, MAX_MESSAGE_LENGTH)}…` : whole;
  return INSIDE_DETAIL.some((pattern) => pattern.test(text)) ? `Request refused (${code}).` : text;
}

/** Apollo Server's `formatError`: public errors without inside detail, every other error masked. */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (DEBUG_ERRORS) return formatted;
  const { stacktrace: _stacktrace, exception: _exception, response: _response, ...extensions } = formatted.extensions ?? {};
  const code = codeOf(error);
  if (code !== undefined && PUBLIC_ERROR_CODES.has(code)) {
    return { ...formatted, message: publicMessage(formatted.message, code), extensions: { ...extensions, code } };
  }
  return {
    message: UNEXPECTED,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Error masking for an Apollo Server (gateway and every subgraph server): no
 * stack traces, `maskError` as formatError, and a plugin that logs each masked
 * error in full with the request id and writes that id into the answer, so a
 * caller can quote it and an operator can find the cause.
 */
export function errorMasking<Context extends BaseContext & { requestId: string; log: Logger }>() {
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isPublicError(error)) contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error (masked in the answer)');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (DEBUG_ERRORS || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code !== 'INTERNAL_SERVER_ERROR') continue;
            Object.assign(error, {
              message: `Unexpected error. Quote request id ${contextValue.requestId}.`,
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId },
            });
          }
        },
      };
    },
  };
  return {
    options: { includeStacktraceInErrorResponses: DEBUG_ERRORS, formatError: maskError },
    plugin,
  };
}

/**
 * The body of an HTTP-level 500 (a failure outside GraphQL execution): a code and
 * the request id only; the caller logs the error itself with the same id.
 */
export function unexpectedErrorBody(requestId: string) {
  return {
    errors: [{ message: `Unexpected error. Quote request id ${requestId}.`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
  };
}

/**
 * For subgraph servers: their only client is the gateway, which reads any
 * non-2xx answer as a transport failure ("400: Bad Request") and drops the
 * subgraph's own coded errors (a Decimal or DateTime the subgraph's scalar
 * refused would reach the client as an unexpected error). Request errors are
 * answered 200, as GraphQL over HTTP allows for application/json; 401 (unsigned
 * requests) keeps its status.
 */
export function requestErrorsAsGraphQLResponses<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.http.status === 400 && response.body.kind === 'single' && response.body.singleResult.errors?.length) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
