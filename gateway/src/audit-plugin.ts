import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { isDatabaseUnavailable, log, type Db } from '@shop/kit';
import { appendAudit } from '@shop/access/audit';
import { auditedOperation } from './audit/resolved-arguments.js';
import { maskEchoedInputs, maskSyntaxErrorTokens } from './audit/echoed-inputs.js';
import { sensitiveValuesOf } from './audit/sensitive-values.js';
import type { GatewayContext } from './context.js';
import { answerDatabaseUnavailable } from './database-outage-plugin.js';

/** Codes that mean the caller was not allowed, as opposed to a fault. */
const DENIED = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'STEP_UP_REQUIRED', 'THROTTLED']);

function resultOf(rc: GraphQLRequestContextWillSendResponse<GatewayContext>) {
  const body = rc.response.body;
  return body.kind === 'single' ? body.singleResult : body.initialResult;
}

type Outcome = 'SUCCESS' | 'USER_ERROR' | 'FORBIDDEN' | 'ERROR';

function outcomeOf(rc: GraphQLRequestContextWillSendResponse<GatewayContext>): { outcome: Outcome; errorCodes: string[] } {
  const result = resultOf(rc);
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
 * One audit row per mutation request, whatever its outcome (a document that
 * failed validation included), written before the response leaves: a client
 * that saw the answer can rely on the row existing. The row holds each root
 * field's resolved arguments with marked inputs redacted (audit/resolved-arguments.ts).
 */
export function auditPlugin(db: Db): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const document = rc.document;
          if (!document) {
            // Unparsed: no schema coordinate is known, so only the token a syntax error quotes is masked.
            maskSyntaxErrorTokens(resultOf(rc));
            return;
          }
          const operation = rc.operation ?? getOperationAST(document, rc.request.operationName);
          if (!operation) return;
          maskEchoedInputs(resultOf(rc), sensitiveValuesOf(rc.schema, document, operation, rc.request.variables));
          if (operation.operation !== 'mutation') return;
          const audited = auditedOperation(rc.schema, document, operation, rc.request.variables);
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
              operationName: rc.operationName ?? operation.name?.value ?? null,
              rootFields: audited.rootFields,
              arguments: audited.arguments,
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
