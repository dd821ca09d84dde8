import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  createServer,
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailableError,
  handleGraphQL,
  isDatabaseUnavailable,
  listen,
  log,
  sendJson,
  sendOverloaded,
  type Db,
} from '@shop/kit';
import { unexpectedErrorBody } from '@shop/kit/error-mask';
import { DOMAIN_NAMES, subgraphUrl } from './domains.js';
import type { GatewayContext } from './context.js';
import type { Gateway } from './gateway.js';
import { servePlayground } from './playground.js';
import { ROUTES } from './routes/index.js';

/** A health probe must answer even when connecting hangs (a firewalled host): down after this. */
const HEALTH_TIMEOUT_MS = 2000;

async function healthOf(gateway: Gateway, db: Db) {
  const database = await Promise.race([
    db.execute(sql`select 1`).then(() => 'up' as const, () => 'down' as const),
    new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), HEALTH_TIMEOUT_MS).unref()),
  ]);
  const subgraphs = Object.fromEntries(
    await Promise.all(
      DOMAIN_NAMES.map(async (name) => {
        if (gateway.mode === 'in-process') return [name, database] as const;
        const url = subgraphUrl(name).replace(/\/graphql$/, '/health');
        const up = await fetch(url, { signal: AbortSignal.timeout(2000) })
          .then((r) => r.ok)
          .catch(() => false);
        return [name, up ? 'up' : 'down'] as const;
      }),
    ),
  );
  const healthy = database === 'up' && Object.values(subgraphs).every((s) => s === 'up');
  return { status: healthy ? 'up' : 'down', mode: gateway.mode, database, subgraphs };
}

function sendDatabaseUnavailable(res: ServerResponse): void {
  const error = databaseUnavailableError();
  res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  sendJson(res, 503, { errors: [{ message: error.message, extensions: error.extensions }] });
}

/** The caller's context, or null after answering 401/400 for bad credentials, like Apollo would. */
async function authenticate(gateway: Gateway, req: IncomingMessage, res: ServerResponse): Promise<GatewayContext | null> {
  try {
    return await gateway.context(req);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
    const { http: _http, ...extensions } = error.extensions;
    sendJson(res, status, { errors: [{ message: error.message, extensions }] });
    return null;
  }
}

async function serveGraphQL(gateway: Gateway, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const context = await authenticate(gateway, req, res);
  if (!context) return;
  res.setHeader('x-request-id', context.requestId);
  const started = performance.now();
  await handleGraphQL(gateway.apollo, req, res, async () => context);
  // One access line per request; never variables (they may carry secrets or personal data).
  context.log.info(
    { status: res.statusCode, ms: Math.round(performance.now() - started), principal: context.principal.kind, client: context.clientAddress },
    'graphql request',
  );
}

/** The gateway's HTTP front: /graphql, /playground, /health and the file routes (routes/). */
export function serveGateway(gateway: Gateway, db: Db, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (path === '/health' && req.method === 'GET') {
        const health = await healthOf(gateway, db);
        sendJson(res, health.status === 'up' ? 200 : 503, health);
        return;
      }
      if (path === '/playground' && req.method === 'GET') {
        servePlayground(req, res);
        return;
      }
      const route = ROUTES.find((r) => r.method === req.method && r.path.test(path));
      if (route) {
        const context = route.authenticated ? await authenticate(gateway, req, res) : null;
        if (route.authenticated && !context) return;
        await route.handle(req, res, { context, db, match: path.match(route.path)! });
        return;
      }
      if (path === '/graphql') {
        // Before anything costs work (even the token lookup): beyond the queue, answer at once.
        const admitted = await gateway.admission.enter();
        if (!admitted.ok) {
          sendOverloaded(res, admitted, 'The gateway');
          return;
        }
        try {
          await serveGraphQL(gateway, req, res);
        } finally {
          admitted.release();
        }
        return;
      }
      sendJson(res, 404, { error: 'Not found. The API is at /graphql.' });
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        // Signing in and the file routes read the database before any GraphQL runs.
        log.warn({ path }, 'database unavailable');
        if (!res.headersSent) sendDatabaseUnavailable(res);
        return;
      }
      const requestId = String(req.headers['x-request-id'] ?? randomUUID());
      log.error({ err: error, requestId }, 'gateway request failed');
      if (!res.headersSent) sendJson(res, 500, unexpectedErrorBody(requestId));
    }
  });
  return listen(server, port, host);
}
