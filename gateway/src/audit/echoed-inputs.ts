import type { FormattedExecutionResult } from 'graphql';
import { echoMask, maskDeep } from './sensitive-values.js';

/** The part of a response that errors and userErrors live in. */
type Result = Pick<FormattedExecutionResult, 'errors' | 'data'>;

/**
 * Errors (and userErrors) never echo a value the client sent in a marked
 * input: graphql-js prints rejected variable values and literals in its
 * messages, a service may quote its input, and a database error quotes the
 * statement's parameters. Data is left alone: it is what the caller asked for.
 */
export function maskEchoedInputs(result: Result, values: Set<string>): void {
  const mask = echoMask(values);
  if (!mask) return;
  if (result.errors) (result as { errors: Result['errors'] }).errors = result.errors.map((error) => maskDeep(error, mask));
  for (const payload of Object.values(result.data ?? {}) as ({ userErrors?: unknown } | null)[]) {
    if (payload && typeof payload === 'object' && Array.isArray(payload.userErrors)) {
      payload.userErrors = maskDeep(payload.userErrors, mask);
    }
  }
}

/** A syntax error names the token it stopped at (`Expected Name, found String "…"`): possibly a value typed in the wrong place. */
const TOKEN_IN_SYNTAX_ERROR = /\b(Name|String|BlockString|Int|Float) "(?:[^"\\]|\\.)*"/g;

/** For a document that did not parse, where no schema coordinate is known. */
export function maskSyntaxErrorTokens(result: Result): void {
  const mask = (text: string) => text.replace(TOKEN_IN_SYNTAX_ERROR, '$1 "[REDACTED]"');
  if (result.errors) {
    (result as { errors: Result['errors'] }).errors = result.errors.map((error) =>
      error.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? maskDeep(error, mask) : error,
    );
  }
}
