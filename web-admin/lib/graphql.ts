import { connection } from 'next/server';

/** A GraphQL operation string that carries its result and variables types. */
export type Operation<TData, TVariables> = string & { readonly __types?: [TData, TVariables] };

/** Declares an operation's types next to its text: `operation<Data, Vars>(\`query ...\`)`. */
export function operation<TData, TVariables = Record<string, never>>(
  source: string,
): Operation<TData, TVariables> {
  return source;
}

const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: { message: string }[];
}

/**
 * Runs an operation against the gateway at request time (never during the build)
 * and returns its data; throws with the GraphQL error messages when there are any.
 */
export async function request<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  await connection();
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: op, variables }),
    cache: 'no-store',
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TData>;
  if (body.errors?.length) {
    throw new Error(body.errors.map((error) => error.message).join('\n'));
  }
  if (!response.ok || !body.data) {
    throw new Error(`Gateway answered ${response.status} ${response.statusText}`);
  }
  return body.data;
}
