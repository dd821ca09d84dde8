/**
 * `pnpm start`: PostgreSQL (embedded under DATA_DIR, or DATABASE_URL),
 * migrations, demo data on the first start, the subgraphs, the job worker,
 * the gateway on PORT and the admin console on ADMIN_PORT. Ctrl-C stops all.
 */
import './telemetry-off.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from '@shop/kit';
import { startWorker } from '@shop/kit/jobs';
import { startAdminConsole } from './admin-console.js';
import { DEFAULT_DATA_DIR, openDatabase } from './database.js';
import { DOMAIN_NAMES, subgraphUrl } from './domains.js';
import { createGateway, type GatewayMode } from './gateway.js';
import { serveGateway } from './http-server.js';
import { isEmpty, seedDemo } from './seed/index.js';
import { SUBGRAPHS } from './subgraphs.js';

const port = Number(process.env.PORT ?? 4000);
const adminPort = Number(process.env.ADMIN_PORT ?? 3000);
const mode = (process.env.GATEWAY_MODE ?? 'in-process') as GatewayMode;
if (mode !== 'in-process' && mode !== 'distributed') throw new Error(`GATEWAY_MODE must be in-process or distributed, not ${mode}`);

const stops: (() => Promise<unknown>)[] = [];
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  for (const stop of stops.reverse()) await stop().catch((err) => log.error({ err }, 'stop failed'));
  process.exit(0);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const database = await openDatabase();
stops.push(() => database.stop());
// Stop in order (console, gateway, worker, subgraphs, database). Handlers that others
// installed (tsx's signal relay) would race this one, so it is the only one.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

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
    stops.push(() => stopChild(child));
  }
  await waitForSubgraphs();
}

const worker = await startWorker(database.url, database.db, SUBGRAPHS);
stops.push(() => worker.stop());

const gateway = await createGateway({ mode, db: database.db });
const server = await serveGateway(gateway, database.db, port);
stops.push(() => new Promise((resolve) => server.close(resolve)));
stops.push(() => gateway.stop());
log.info({ url: `http://127.0.0.1:${port}/graphql`, mode }, 'gateway ready');

if (process.env.ADMIN_CONSOLE !== 'off') {
  const admin = await startAdminConsole({
    port: adminPort,
    gatewayUrl: `http://127.0.0.1:${port}/graphql`,
    forwardingSecret: process.env.CONSOLE_FORWARDING_SECRET,
  });
  stops.push(() => stopChild(admin));
  log.info({ url: `http://127.0.0.1:${adminPort}` }, 'admin console ready');
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
      if (Date.now() > deadline) throw new Error(`subgraph ${name} did not start`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
