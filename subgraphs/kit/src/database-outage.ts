import type { GraphQLError } from 'graphql';
import { codedError } from './errors.js';

/** What a client is told to wait before retrying while PostgreSQL is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Errors that mean "PostgreSQL is not reachable right now", not "this query is
 * wrong": refused or lost connections (node and postgres.js codes), a server
 * shutting down or starting up (57P01–57P03), the connection-exception class
 * (08xxx) and a full connection table (53300). Retrying later can succeed.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CONNECTION_ENDED',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

function hasUnavailableCode(error: { code?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  return UNAVAILABLE_CODES.has(code) || code.startsWith('08');
}

/** Whether `error`, or any error it wraps (drizzle's `cause`, GraphQL's `originalError`, an AggregateError), is a lost database. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 8) return false;
  const e = error as { code?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  if (hasUnavailableCode(e)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.originalError, depth + 1);
}

/**
 * The error a caller gets instead: retryable, and without the SQL or the stack
 * that drizzle's message carries. It carries no HTTP head: the gateway answers
 * 503 for the whole response (a subgraph answering 503 would hide the code).
 */
export function databaseUnavailableError(): GraphQLError {
  return codedError('DATABASE_UNAVAILABLE', 'The database is unavailable; retry shortly.', {
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  });
}

function coded<T>(error: unknown): T {
  throw isDatabaseUnavailable(error) ? databaseUnavailableError() : error;
}

type Resolver = (...args: unknown[]) => unknown;

/** A resolver whose lost-database errors become DATABASE_UNAVAILABLE; a synchronous resolver stays synchronous. */
function guarded(resolve: Resolver): Resolver {
  return function (this: unknown, ...args: unknown[]) {
    try {
      const result = resolve.apply(this, args);
      return result instanceof Promise ? result.catch(coded) : result;
    } catch (error) {
      return coded(error);
    }
  };
}

/** Fields that are not resolvers (type resolution) keep their own behaviour. */
const NOT_RESOLVERS = new Set(['__resolveType', '__isTypeOf']);

/**
 * Every resolver of a subgraph's map guarded as above, so that in both gateway
 * modes a lost database reaches the gateway as one retryable code rather than
 * as a raw SQL error. Scalars and enum maps are left as they are.
 */
export function guardDatabaseOutages<M extends Record<string, unknown>>(resolvers: M): M {
  const out: Record<string, unknown> = {};
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (!fields || typeof fields !== 'object' || Object.getPrototypeOf(fields) !== Object.prototype) {
      out[typeName] = fields;
      continue;
    }
    out[typeName] = Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).map(([field, value]) => {
        if (NOT_RESOLVERS.has(field)) return [field, value];
        if (typeof value === 'function') return [field, guarded(value as Resolver)];
        if (value && typeof value === 'object' && typeof (value as { resolve?: unknown }).resolve === 'function') {
          const config = value as { resolve: Resolver };
          return [field, { ...config, resolve: guarded(config.resolve) }];
        }
        return [field, value];
      }),
    );
  }
  return out as M;
}
