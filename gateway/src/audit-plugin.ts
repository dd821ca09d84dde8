import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { log, type Db } from '@shop/kit';
import { appendAudit } from '@shop/access/audit';
import { auditedOperation } from './audit/resolved-arguments.js';
import { echoMask, maskDeep, sensitiveValuesOf } from './audit/sensitive-values.js';
import type { GatewayContext } from './context.js';

/** Codes that mean the caller was not allowed, as opposed to a fault. */
const DENIED = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'STEP_UP_REQUIRED', 'THROTTLED']);

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
 * Errors (and userErrors) never echo a value the client sent in a marked
 * input: graphql-js prints rejected variable values in its messages, and a
 * subgraph's message may quote its input.
 */
function maskEchoedInputs(rc: GraphQLRequestContextWillSendResponse<GatewayContext>, values: Set<string>): void {
  const mask = values.size ? echoMask(values) : null;
  const body = rc.response.body;
  if (!mask) return;
  const result = body.kind === 'single' ? body.singleResult : body.initialResult;
  if (result.errors) result.errors = result.errors.map((error) => maskDeep(error, mask));
  if (result.data) {
    for (const payload of Object.values(result.data) as ({ userErrors?: unknown } | null)[]) {
      if (payload && typeof payload === 'object' && Array.isArray(payload.userErrors)) {
        payload.userErrors = maskDeep(payload.userErrors, mask);
      }
    }
  }
}

/** A syntax error names the token it stopped at (`Unexpected String "…"`), which may be a value typed in the wrong place. */
const TOKEN_IN_SYNTAX_ERROR = /\b(Name|String|BlockString|Int|Float) "(?:[^"\\]|\\.)*"/g;

function maskSyntaxErrorTokens(rc: GraphQLRequestContextWillSendResponse<GatewayContext>): void {
  const body = rc.response.body;
  const result = body.kind === 'single' ? body.singleResult : body.initialResult;
  const mask = (text: string) => text.replace(TOKEN_IN_SYNTAX_ERROR, '$1 "[REDACTED]"');
  result.errors = result.errors?.map((error) => (error.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? maskDeep(error, mask) : error));
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
            maskSyntaxErrorTokens(rc);
            return;
          }
          const operation = rc.operation ?? getOperationAST(document, rc.request.operationName);
          if (!operation) return;
          maskEchoedInputs(rc, sensitiveValuesOf(rc.schema, document, operation, rc.request.variables));
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
            throw err;
          }
        },
      };
    },
  };
}
