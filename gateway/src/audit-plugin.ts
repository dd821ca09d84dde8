import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { isDatabaseUnavailable, log, type Db } from '@shop/kit';
import { appendAudit } from '@shop/access/audit';
import type { GatewayContext } from './context.js';
import { answerDatabaseUnavailable } from './database-outage-plugin.js';

/** Codes that mean the caller was not allowed, as opposed to a fault. */
const DENIED = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'STEP_UP_REQUIRED', 'THROTTLED']);

/** Top-level field names of a mutation, through inline fragments and fragment spreads. */
function rootFields(operation: OperationDefinitionNode, fragments: Record<string, { selectionSet: SelectionSetNode }>): string[] {
  const names: string[] = [];
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else {
        const fragment = fragments[selection.name.value];
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return [...new Set(names)];
}

type Outcome = 'SUCCESS' | 'USER_ERROR' | 'FORBIDDEN' | 'ERROR';

function outcomeOf(rc: GraphQLRequestContextWillSendResponse<GatewayContext>): { outcome: Outcome; errorCodes: string[] } {
  const body = rc.response.body;
  const result = body.kind === 'single' ? body.singleResult : body.initialResult;
  const errorCodes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL'));
  const payloads = Object.values(result.data ?? {}) as ({ userErrors?: { code?: string }[] } | null)[];
  const userErrorCodes = payloads.flatMap((p) => (p?.userErrors ?? []).map((e) => String(e.code ?? 'INVALID')));
  const outcome: Outcome = errorCodes.some((c) => DENIED.has(c))
    ? 'FORBIDDEN'
    : errorCodes.length
      ? 'ERROR'
      : userErrorCodes.length
        ? 'USER_ERROR'
        : 'SUCCESS';
  return { outcome, errorCodes: [...new Set([...errorCodes, ...userErrorCodes])] };
}

/**
 * One audit row per mutation request, whatever its outcome, written before the
 * response leaves: a client that saw the answer can rely on the row existing.
 * Variables are redacted by appendAudit.
 */
export function auditPlugin(db: Db): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const operation = rc.operation;
          if (!operation || operation.operation !== 'mutation') return;
          const fragments = Object.fromEntries(
            (rc.document?.definitions ?? [])
              .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const { principal, requestId, clientAddress, userAgent } = rc.contextValue;
          const { outcome, errorCodes } = outcomeOf(rc);
          try {
            await appendAudit(db, {
              principalKind: principal.kind.toUpperCase(),
              actorId:
                principal.kind === 'staff' ? principal.staffId
                : principal.kind === 'partner' ? principal.apiKeyId
                : principal.kind === 'customer' ? principal.memberId
                : null,
              operationName: rc.operationName ?? null,
              rootFields: rootFields(operation, fragments),
              variables: rc.request.variables ?? {},
              outcome,
              errorCodes,
              changes: rc.contextValue.changes.length ? rc.contextValue.changes : null,
              clientAddress,
              userAgent,
              requestId,
            });
          } catch (err) {
            // The mutation already ran; a lost audit row is a fault to alert on, never silent.
            log.error({ err, requestId }, 'audit append failed');
            // Without a database the mutation could not run either: a retryable 503, not an internal error.
            if (isDatabaseUnavailable(err)) return answerDatabaseUnavailable(rc.response);
            throw err;
          }
        },
      };
    },
  };
}
