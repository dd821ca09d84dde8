import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import { Admission, sendOverloaded, subgraphAdmissionLimits, type AdmissionLimits } from './admission.js';
import type { SubgraphContext } from './context.js';
import type { Db } from './db.js';
import { errorMasking, requestErrorsAsGraphQLResponses, unexpectedErrorBody } from './error-mask.js';
import { createServer, handleGraphQL, listen, sendJson } from './http.js';
import { log } from './log.js';
import { NonceStore } from './nonce-store.js';
import { watchShopSettings } from './shop-settings.js';
import { signingSecret, verifyCaller, type SignedOperation, type VerifyFailure } from './principal-header.js';
import type { SubgraphModule } from './subgraph.js';

/** Why a request was refused, as the gateway sees it: a signature fault (401), or no room to remember its nonce (503). */
function refusal(reason: VerifyFailure): GraphQLError {
  if (reason === 'NONCE_STORE_FULL') {
    return new GraphQLError('Too many requests in flight to remember them all; retry shortly', {
      extensions: { code: 'OVERLOADED', http: { status: 503 } },
    });
  }
  return new GraphQLError(`Request not signed by the gateway (${reason})`, {
    extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } },
  });
}

/**
 * Serves one subgraph over HTTP on loopback (distributed mode): POST /graphql
 * and GET /health. Only requests signed by the gateway are answered, each
 * signature once (401 otherwise); each request gets fresh loaders, as in-process.
 * At most SUBGRAPH_MAX_IN_FLIGHT requests run at once, a few more wait briefly,
 * and the rest get OVERLOADED (503, Retry-After) before anything runs.
 */
export async function serveSubgraph(
  module: SubgraphModule,
  db: Db,
  port: number,
  options: { admission?: AdmissionLimits } = {},
): Promise<Server> {
  const secret = signingSecret();
  // This process's copy of the shop's zone and calendar, reloaded every few seconds.
  await watchShopSettings(db);
  const masking = errorMasking<SubgraphContext<unknown>>();
  const nonces = new NonceStore();
  const admission = new Admission(options.admission ?? subgraphAdmissionLimits());
  const apollo = new ApolloServer<SubgraphContext<unknown>>({
    schema: module.schema,
    ...masking.options,
    plugins: [
      masking.plugin,
      requestErrorsAsGraphQLResponses(),
      ApolloServerPluginInlineTraceDisabled(),
      {
        // Hands the gateway what updates changed, for its audit row.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              if (contextValue.changes.length && response.body.kind === 'single') {
                response.body.singleResult.extensions = { ...response.body.singleResult.extensions, changes: contextValue.changes };
              }
            },
          };
        },
      },
    ],
    introspection: true,
    // The process that owns the server handles signals (one Apollo handler per server otherwise).
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const server = createServer(async (req, res) => {
    try {
      if (req.url === '/health') {
        sendJson(res, 200, { status: 'up', subgraph: module.name });
        return;
      }
      const requestId = String(req.headers['x-request-id'] ?? randomUUID());
      res.on('finish', () => log.debug({ requestId, subgraph: module.name, status: res.statusCode }, 'subgraph request'));
      // Released when the work ends, not when the gateway hangs up: an aborted call still holds a transaction.
      const admitted = await admission.enter();
      if (!admitted.ok) {
        sendOverloaded(res, admitted, `The ${module.name} service`, { subgraph: module.name });
        return;
      }
      await handleGraphQL(apollo, req, res, async (body) => {
        const { query = '', variables, operationName, extensions } = (body ?? {}) as Partial<SignedOperation>;
        const verified = verifyCaller(secret, req.headers, { query, variables, operationName, extensions }, nonces);
        if (!verified.ok) {
          if (verified.reason === 'NONCE_STORE_FULL') res.setHeader('retry-after', '1');
          throw refusal(verified.reason);
        }
        const { principal, clientAddress } = verified.caller;
        return module.createContext({
          db, principal, clientAddress, requestId, log: log.child({ requestId, subgraph: module.name }), changes: [],
          acceptLanguage: req.headers['accept-language'] ?? null,
        });
      }).finally(admitted.release);
    } catch (error) {
      const requestId = String(req.headers['x-request-id'] ?? randomUUID());
      log.error({ err: error, requestId, subgraph: module.name }, 'subgraph request failed');
      if (!res.headersSent) sendJson(res, 500, unexpectedErrorBody(requestId));
    }
  });
  server.on('close', () => void apollo.stop());
  return listen(server, port);
}
