import type { ApolloServerPlugin } from '@apollo/server';
import { DATABASE_RETRY_AFTER_SECONDS } from '@shop/kit';
import type { GatewayContext } from './context.js';

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
