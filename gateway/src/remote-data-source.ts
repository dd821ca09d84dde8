import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { getOperationAST, GraphQLError } from 'graphql';
import { Admission, ANONYMOUS, log, subgraphAdmissionLimits, type ChangeRecord } from '@shop/kit';
import { signCaller, signingSecret } from '@shop/kit/principal-header';
import type { GatewayContext } from './context.js';
import { classifyFetchFailure, isOverloadedAnswer, subgraphFailureError, subgraphOverloadedError } from './subgraph-failure.js';

export const SUBGRAPH_TIMEOUT_MS = Number(process.env.SUBGRAPH_TIMEOUT_MS ?? 10_000);

export interface RemoteSubgraphOptions {
  /** How long one fetch (request and answer) may take. */
  timeoutMs?: number;
  /** Bounds the fetches in flight to this subgraph, and so the sockets open to it. */
  admission?: Admission;
}

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

const isMutation = (options: GraphQLDataSourceProcessOptions<GatewayContext>): boolean =>
  options.kind === 'incoming operation' && options.document
    ? getOperationAST(options.document, options.request.operationName)?.operation === 'mutation'
    : /^\s*mutation\b/.test(options.request.query ?? '');

/**
 * A subgraph over HTTP. @apollo/gateway sets no timeout of its own, so every
 * fetch carries an abort signal; the caller travels in HMAC-signed headers (a
 * subgraph refuses unsigned requests) and the request id so logs join up. Fetches
 * to one subgraph are bounded (a short queue, then OVERLOADED), and every
 * failure leaves here as a coded GraphQL error that says whether a mutation
 * may have run, before any plugin sees it.
 */
export class RemoteDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly secret = signingSecret();
  readonly admission: Admission;
  readonly timeoutMs: number;

  constructor(
    readonly subgraph: string,
    url: string,
    options: RemoteSubgraphOptions = {},
  ) {
    const timeoutMs = options.timeoutMs ?? SUBGRAPH_TIMEOUT_MS;
    super({
      url,
      fetcher: ((input: string, init: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    });
    this.timeoutMs = timeoutMs;
    this.admission = options.admission ?? new Admission(subgraphAdmissionLimits());
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const admitted = await this.admission.enter();
    if (!admitted.ok) throw subgraphOverloadedError(this.subgraph, admitted.retryAfterSeconds);
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      const failure = classifyFetchFailure(error);
      const requestLog = options.kind === 'incoming operation' ? options.context.log : log;
      requestLog.warn({ err: error, subgraph: this.subgraph, failure }, 'subgraph fetch failed');
      throw subgraphFailureError(failure, this.subgraph, {
        mutation: isMutation(options),
        timeoutMs: this.timeoutMs,
      });
    } finally {
      admitted.release();
    }
  }

  /** A subgraph that refused the call as OVERLOADED ran nothing: say so with the subgraph's name. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body;
    if (!isOverloadedAnswer(response.status, body)) return error;
    const retryAfter = Number(response.headers.get('retry-after'));
    return subgraphOverloadedError(this.subgraph, Number.isInteger(retryAfter) && retryAfter > 0 ? retryAfter : 1);
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
