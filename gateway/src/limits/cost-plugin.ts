import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { codedError, type Principal } from '@shop/kit';
import type { GatewayContext } from '../context.js';
import { LeakyBuckets, type ThrottleStatus } from './bucket.js';
import { queryCost } from './cost.js';

/** Points a caller may spend at once, and regains per second (Shopify's Admin API figures). */
export const COST_CAPACITY = Number(process.env.COST_BUCKET_CAPACITY ?? 2_000);
export const COST_RESTORE_RATE = Number(process.env.COST_RESTORE_RATE ?? 100);

/** One bucket per signed-in principal; anonymous callers share one per client address. */
export function bucketKey(principal: Principal, clientAddress: string | null): string {
  switch (principal.kind) {
    case 'staff':
      return `staff:${principal.staffId}`;
    case 'partner':
      return `partner:${principal.apiKeyId}`;
    case 'customer':
      return `customer:${principal.memberId}`;
    case 'anonymous':
      return `address:${clientAddress ?? 'unknown'}`;
  }
}

export interface CostExtension {
  requestedQueryCost: number;
  throttleStatus: ThrottleStatus;
}

/**
 * Calculated query cost with a per-caller leaky bucket. The cost is computed
 * in didResolveOperation, after validation and with the variables (`first:
 * $n` drives it), and taken before anything executes; a request that costs
 * more than is available is refused with THROTTLED, HTTP 429 and Retry-After.
 * Every response reports `extensions.cost` (0 requested when the request
 * never got that far).
 */
export function costPlugin(buckets = new LeakyBuckets(COST_CAPACITY, COST_RESTORE_RATE)): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let cost: CostExtension | undefined;
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          const key = bucketKey(rc.contextValue.principal, rc.contextValue.clientAddress);
          const requestedQueryCost = queryCost(rc.schema, rc.document, rc.operation, rc.request.variables);
          if (requestedQueryCost > buckets.capacity) {
            cost = { requestedQueryCost, throttleStatus: buckets.status(key) };
            throw codedError('BAD_USER_INPUT', `This operation costs ${requestedQueryCost}; one request may cost at most ${buckets.capacity}. Ask for smaller pages.`, {
              http: { status: 400 },
            });
          }
          const taken = buckets.take(key, requestedQueryCost);
          cost = { requestedQueryCost, throttleStatus: taken.status };
          if (!taken.ok) {
            throw codedError('THROTTLED', `Throttled: this operation costs ${requestedQueryCost} and ${taken.status.currentlyAvailable} points are available; retry in ${taken.retryAfterSeconds} s.`, {
              retryAfterSeconds: taken.retryAfterSeconds,
              http: { status: 429, headers: new HeaderMap([['retry-after', String(taken.retryAfterSeconds)]]) },
            });
          }
        },
        async willSendResponse(rc) {
          const report = cost ?? {
            requestedQueryCost: 0,
            throttleStatus: buckets.status(bucketKey(rc.contextValue.principal, rc.contextValue.clientAddress)),
          };
          const body = rc.response.body;
          const result = body.kind === 'single' ? body.singleResult : body.initialResult;
          result.extensions = { ...result.extensions, cost: report };
        },
      };
    },
  };
}
