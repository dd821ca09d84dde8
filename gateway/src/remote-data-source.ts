import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './context.js';

export const SUBGRAPH_TIMEOUT_MS = Number(process.env.SUBGRAPH_TIMEOUT_MS ?? 10_000);

/**
 * A subgraph over HTTP. The gateway sets no timeout of its own (reliability
 * plan §0.2), so every fetch carries an abort signal; the request id travels
 * in a header so logs of both sides join up.
 */
export class RemoteDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(SUBGRAPH_TIMEOUT_MS) })) as never,
    });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const requestId = options.kind === 'incoming operation' ? options.context.requestId : 'internal';
    options.request.http?.headers.set('x-request-id', requestId);
  }
}
