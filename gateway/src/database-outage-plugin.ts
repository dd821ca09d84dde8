import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailableError } from '@shop/kit';
import type { GatewayContext } from './context.js';

/**
 * Turns a response into a bare 503 DATABASE_UNAVAILABLE, for work that found the
 * database gone after execution (a plugin throwing there would make Apollo answer
 * a plain 500 "Internal server error").
 */
export function answerDatabaseUnavailable(response: GraphQLResponse): void {
  const { message, extensions } = databaseUnavailableError();
  response.body = { kind: 'single', singleResult: { errors: [{ message, extensions }] } };
  response.http.status = 503;
  response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
}

/**
 * A response that carries DATABASE_UNAVAILABLE (from any subgraph, in either
 * mode) is a 503 with Retry-After: clients and load balancers retry later
 * instead of reading it as an answer.
 */
export function databaseOutagePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          if (!result.errors?.some((error) => error.extensions?.code === 'DATABASE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
