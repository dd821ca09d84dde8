/**
 * `pnpm start`: PostgreSQL (embedded under DATA_DIR, or DATABASE_URL),
 * migrations, demo data on the first start, the subgraphs, the job worker,
 * the gateway on PORT and the admin console on ADMIN_PORT. Ctrl-C stops all.
 */
import './telemetry-off.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDatabaseUnavailable, log } from '@shop/kit';
import { EmbeddedPostgresError } from '@shop/kit/embedded-postgres';
import { startWorker } from '@shop/kit/jobs';
import { closeDocumentsBrowser } from '@shop/orders/documents';
import { startAdminConsole } from './admin-console.js';
import { DEFAULT_DATA_DIR, openDatabase, type RunningDatabase } from './database.js';
import { DOMAIN_NAMES, subgraphUrl } from './domains.js';
import { createGateway, type Gateway, type GatewayMode } from './gateway.js';
import { serveGateway } from './http-server.js';
import { isEmpty, seedDemo } from './seed/index.js';
import { SUBGRAPHS } from './subgraphs.js';

const port = Number(process.env.PORT ?? 4000);
const adminPort = Number(process.env.ADMIN_PORT ?? 3000);
const mode = (process.env.GATEWAY_MODE ?? 'in-process') as GatewayMode;
if (mode !== 'in-process' && mode !== 'distributed') throw new Error(`GATEWAY_MODE must be in-process or distributed, not ${mode}`);

/** In-flight requests get this long to finish once Ctrl-C stops new ones coming in. */
const DRAIN_MS = 10_000;

/** What is running, filled in as the start goes on; shutdown stops whatever is there. */
const running: {
  database?: RunningDatabase;
  subgraphs: ChildProcess[];
  worker?: Awaited<ReturnType<typeof startWorker>>;
  gateway?: Gateway;
  server?: Server;
  admin?: ChildProcess;
} = { subgraphs: [] };

let stopping = false;

/**
 * Stops in dependency order, so nothing loses what it still needs: no new
 * requests, in-flight ones drained, the console and subgraphs, the worker,
 * the pools, and PostgreSQL last. Each step runs even if an earlier one failed.
 */
async function shutdown(reason: string): Promise<number> {
  stopping = true;
  log.info({ reason }, 'stopping');
  const steps: [string, (() => Promise<unknown>) | undefined][] = [
    ['http server', running.server && (() => closeServer(running.server!))],
    ['gateway', running.gateway?.stop],
    ['admin console', running.admin && (() => stopChild(running.admin!))],
    ['subgraphs', running.subgraphs.length ? () => Promise.all(running.subgraphs.map(stopChild)) : undefined],
    ['job worker', running.worker && (() => running.worker!.stop())],
    // Launched only if something printed; closing an unlaunched one does nothing.
    ['documents printer', closeDocumentsBrowser],
    ['database', running.database?.stop],
  ];
  let failures = 0;
  for (const [name, step] of steps) {
    if (!step) continue;
    try {
      await step();
    } catch (err) {
      failures += 1;
      log.error({ err, step: name }, 'stop step failed');
    }
  }
  log.info({ failures }, 'stopped');
  return failures ? 1 : 0;
}

function onSignal(signal: NodeJS.Signals) {
  if (stopping) {
    log.info({ signal }, 'already stopping');
    return;
  }
  void shutdown(signal).then((code) => process.exit(code));
}

// This handler stops everything in order; graphile-worker and Apollo are told not to
// handle signals, and the embedded PostgreSQL is in its own process group. tsx's
// (hidden) handler stays: it tells the tsx parent that this process handles the signal,
// or that parent would kill this one 60 ms into the stop.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  process.on(signal, onSignal);
}

// Connections that PostgreSQL ends while it stops are expected then, not a crash.
process.on('uncaughtException', (err) => {
  if (stopping && isDatabaseUnavailable(err)) {
    log.info({ code: (err as { code?: string }).code }, 'database connection closed while stopping');
    return;
  }
  log.fatal({ err }, 'uncaught exception');
  process.exit(1);
});

try {
  await start();
} catch (error) {
  if (!stopping) {
    // A start failure is read by a person: the message says what failed and what to do.
    if (error instanceof EmbeddedPostgresError) console.error(`\nThe shop could not start: ${error.message}\n`);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const taken = (error as { port?: number }).port;
      console.error(`\nThe shop could not start: port ${taken} is taken. Stop the program using it, or set PORT (gateway) or ADMIN_PORT (console).\n`);
    } else log.fatal({ err: error }, 'start failed');
    await shutdown('start failed');
    process.exit(1);
  }
  // Otherwise Ctrl-C came during the start: shutdown() owns the exit.
}

async function start() {
  const database = (running.database = await openDatabase());
  process.env.GATEWAY_SIGNING_SECRET ??= database.embedded
    ? loadOrCreateSecret(join(resolve(process.env.DATA_DIR ?? DEFAULT_DATA_DIR), 'gateway-secret'))
    : randomBytes(32).toString('base64url');

  // Only the console this process starts knows it: the gateway believes the client
  // address the console forwards (login throttling) only beside this secret.
  process.env.CONSOLE_FORWARDING_SECRET ??= randomBytes(32).toString('base64url');

  const seedOnFirstStart = database.embedded || process.env.SEED_DEMO === '1';
  if (seedOnFirstStart && (await isEmpty(database.db))) await seedDemo(database.db);

  if (mode === 'distributed') {
    const entry = fileURLToPath(new URL('./serve-subgraph.ts', import.meta.url));
    for (const name of DOMAIN_NAMES) {
      const child = spawn(process.execPath, ['--import', 'tsx', entry, name], {
        env: { ...process.env, DATABASE_URL: database.url, SERVICE_NAME: `subgraph-${name}` },
        // The IPC channel closes when this process dies however it dies: the child then stops too.
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      running.subgraphs.push(child);
    }
    await waitForSubgraphs();
  }

  running.worker = await startWorker(database.url, database.db, SUBGRAPHS);
  running.worker.promise.catch((err: unknown) => {
    if (!stopping) log.error({ err }, 'job worker stopped; jobs wait until the next start');
  });

  running.gateway = await createGateway({ mode, db: database.db });
  running.server = await serveGateway(running.gateway, database.db, port);
  log.info({ url: `http://127.0.0.1:${port}/graphql`, mode }, 'gateway ready');

  if (process.env.ADMIN_CONSOLE !== 'off') {
    running.admin = await startAdminConsole({
      port: adminPort,
      gatewayUrl: `http://127.0.0.1:${port}/graphql`,
      forwardingSecret: process.env.CONSOLE_FORWARDING_SECRET,
    });
    log.info({ url: `http://127.0.0.1:${adminPort}` }, 'admin console ready');
  }
}

/** Stops accepting, lets in-flight requests finish (bounded), then cuts what is left. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => {
      log.warn({ afterMs: DRAIN_MS }, 'requests still in flight; closing their connections');
      server.closeAllConnections();
    }, DRAIN_MS);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    // Keep-alive connections with no request in flight would otherwise hold close() open.
    server.closeIdleConnections();
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The HMAC secret between gateway and subgraphs, made on the first start and kept with the data. */
function loadOrCreateSecret(path: string): string {
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(path, 'utf8').trim();
}

async function waitForSubgraphs() {
  const deadline = Date.now() + 60_000;
  for (const name of DOMAIN_NAMES) {
    const url = subgraphUrl(name).replace(/\/graphql$/, '/health');
    while (!(await fetch(url).then((r) => r.ok).catch(() => false))) {
      if (stopping) return;
      if (Date.now() > deadline) throw new Error(`subgraph ${name} did not start within 60 s (is its port taken? set SUBGRAPH_${name.toUpperCase()}_URL)`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
