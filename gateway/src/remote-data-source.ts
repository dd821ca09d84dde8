import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ANONYMOUS, type ChangeRecord } from '@shop/kit';
import { signCaller, signingSecret } from '@shop/kit/principal-header';
import type { GatewayContext } from './context.js';

export const SUBGRAPH_TIMEOUT_MS = Number(process.env.SUBGRAPH_TIMEOUT_MS ?? 10_000);

/**
 * A subgraph over HTTP. The gateway sets no timeout of its own (reliability
 * plan §0.2), so every fetch carries an abort signal; the caller travels in
 * signed headers (design trap 8) and the request id so logs join up.
 */
export class RemoteDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly secret = signingSecret();

  constructor(url: string) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(SUBGRAPH_TIMEOUT_MS) })) as never,
    });
  }

  /** A subgraph reports what its updates changed in `extensions.changes` (kit/subgraph-server.ts). */
  override async didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    const changes = (response.extensions as { changes?: ChangeRecord[] } | undefined)?.changes;
    if (changes?.length) context.changes?.push(...changes);
    return response;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const incoming = options.kind === 'incoming operation' ? options.context : null;
    const { request } = options;
    const headers = request.http!.headers;
    // Not signed: it only picks the language of the answer, never what the caller may see.
    if (incoming?.acceptLanguage) headers.set('accept-language', incoming.acceptLanguage);
    const caller = {
      principal: incoming?.principal ?? ANONYMOUS,
      clientAddress: incoming?.clientAddress ?? null,
      userAgent: incoming?.userAgent ?? null,
    };
    // Everything the body carries is signed, with a fresh nonce: a captured request is good for one use only.
    const operation = { query: request.query ?? '', variables: request.variables, operationName: request.operationName, extensions: request.extensions };
    const signed = signCaller(this.secret, caller, operation, incoming?.requestId ?? 'internal');
    for (const [name, value] of Object.entries(signed)) headers.set(name, value);
  }
}
