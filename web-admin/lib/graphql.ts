import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';

import type { TypedDocumentString } from '@/gql/graphql';

import { forwardingHeaders } from './client-address';

/** A generated operation (`graphql(\`query ...\`)`, codegen.ts): its text, result and variables types. */
export type Operation<TData, TVariables> = TypedDocumentString<TData, TVariables>;

/** The gateway's GraphQL endpoint; its file routes sit beside it. */
export const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';

/** httpOnly cookie holding the staff session token (sent as `Authorization: Bearer`). */
export const sessionCookie = 'shop_session';
/** httpOnly cookie holding a step-up token (sent as `X-Step-Up`), valid for 5 minutes. */
export const stepUpCookie = 'shop_step_up';
/** Request header the proxy sets to the console path being rendered (for `/login?next=`). */
export const pathHeader = 'x-console-path';

export type ErrorPath = readonly (string | number)[];

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLError {
  message: string;
  path?: ErrorPath;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * What an operation answered. `data` may be partial: in FILTER mode a field the
 * viewer may not read is null, with a FORBIDDEN error at its path in `errors`.
 */
export interface GraphQLResult<TData> {
  data: TData | null;
  errors: GraphQLError[];
}

export interface RequestOptions {
  /** Send the session cookie as `Authorization: Bearer` (default true; false for staffLogin). */
  session?: boolean;
  /** What an UNAUTHENTICATED answer does: go to /login (default) or come back to the caller. */
  unauthenticated?: 'redirect' | 'return';
  /**
   * Sent as Accept-Language, for answers the server words itself (a price explanation's
   * reasons): the console's locale. Absent, the gateway gets no language and answers in English.
   */
  acceptLanguage?: string;
}

/** The login page URL that brings the viewer back to the page being rendered. */
export async function loginUrl(): Promise<string> {
  const next = (await headers()).get(pathHeader);
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** Whether any error carries this `extensions.code`. */
export function hasErrorCode(errors: readonly GraphQLError[], code: string): boolean {
  return errors.some((error) => error.extensions?.code === code);
}

const shapeOf = (path: ErrorPath) => path.map((part) => (typeof part === 'number' ? '#' : part)).join('.');

/**
 * Whether the field at `path` was withheld (FORBIDDEN). List indexes match any index,
 * so one error at `products.edges.0.node.variants.0.costPrice` covers every row.
 */
export function isForbidden(errors: readonly GraphQLError[], path: ErrorPath): boolean {
  const shape = shapeOf(path);
  return errors.some(
    (error) => error.extensions?.code === 'FORBIDDEN' && !!error.path && shapeOf(error.path) === shape,
  );
}

/**
 * Runs an operation against the gateway at request time (never during the build), as
 * the signed-in staff member: the `shop_session` and `shop_step_up` cookies become the
 * `Authorization` and `X-Step-Up` headers. Returns data and errors side by side so a
 * page renders what it may see. An UNAUTHENTICATED answer (no, expired or revoked
 * session) redirects to /login; an unreachable gateway or a non-GraphQL answer throws.
 */
export async function request<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<GraphQLResult<TData>> {
  await connection();
  const jar = await cookies();
  const requestHeaders: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(await forwardingHeaders()),
  };
  if (options.acceptLanguage) requestHeaders['accept-language'] = options.acceptLanguage;
  if (options.session !== false) {
    const token = jar.get(sessionCookie)?.value;
    const stepUp = jar.get(stepUpCookie)?.value;
    if (token) requestHeaders.authorization = `Bearer ${token}`;
    if (token && stepUp) requestHeaders['x-step-up'] = stepUp;
  }
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: requestHeaders,
    body: JSON.stringify({ query: op.toString(), variables }),
    cache: 'no-store',
  });
  const body = (await response.json().catch(() => null)) as {
    data?: TData | null;
    errors?: GraphQLError[];
  } | null;
  const errors = body?.errors ?? [];
  const unauthenticated = response.status === 401 || hasErrorCode(errors, 'UNAUTHENTICATED');
  if (unauthenticated && options.session !== false && options.unauthenticated !== 'return') {
    redirect(await loginUrl());
  }
  if (!body || (!body.data && !errors.length)) {
    throw new Error(`Gateway answered ${response.status} ${response.statusText}`);
  }
  return { data: body.data ?? null, errors };
}

/** The messages of errors that are neither FORBIDDEN nor expected, for a thrown page error. */
export function describeErrors(errors: readonly GraphQLError[]): string {
  return errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('\n');
}
