import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ANONYMOUS, type SubgraphContext } from './context.js';
import type { Db } from './db.js';
import { createServer, handleGraphQL, listen, sendJson } from './http.js';
import { log } from './log.js';
import type { SubgraphModule } from './subgraph.js';

/**
 * Serves one subgraph over HTTP on loopback (distributed mode): POST /graphql
 * and GET /health. Each request gets fresh loaders, as in-process.
 */
export async function serveSubgraph(module: SubgraphModule, db: Db, port: number): Promise<Server> {
  const apollo = new ApolloServer<SubgraphContext<unknown>>({
    schema: module.schema,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
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
      await handleGraphQL(apollo, req, res, async () =>
        module.createContext({ db, principal: ANONYMOUS, requestId, log: log.child({ requestId, subgraph: module.name }) }),
      );
    } catch (error) {
      log.error({ err: error, subgraph: module.name }, 'subgraph request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL' } }] });
    }
  });
  server.on('close', () => void apollo.stop());
  return listen(server, port);
}
