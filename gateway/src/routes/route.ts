import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '@shop/kit';
import type { GatewayContext } from '../context.js';

/**
 * HTTP routes beside /graphql for what GraphQL does badly: file uploads and
 * streamed downloads. Each route authenticates through the same gateway
 * context (Bearer token → principal) and checks its own scope.
 */
export interface GatewayRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** Matched against the path (no query string). */
  path: RegExp;
  /** Whether the route needs the caller's principal; public routes skip the session lookup. */
  authenticated: boolean;
  handle(req: IncomingMessage, res: ServerResponse, request: { context: GatewayContext | null; db: Db; match: RegExpMatchArray }): Promise<void>;
}
