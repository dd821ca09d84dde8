/**
 * One subgraph as a child process that a test may kill (crash tests), and a
 * distributed gateway whose other subgraphs run in the test process.
 *
 * Run as a script (`tsx tests/kit/subgraph-process.ts <name> <port>`, with
 * DATABASE_URL and GATEWAY_SIGNING_SECRET) it serves that subgraph on
 * loopback and prints `listening <port>` once ready.
 */
import '@shop/gateway/telemetry-off';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connect, type Db } from '@shop/kit';
import { serveSubgraph } from '@shop/kit/subgraph-server';
import { createGateway } from '@shop/gateway/gateway';
import { serveGateway } from '@shop/gateway/http-server';
import { subgraph, SUBGRAPHS } from '@shop/gateway/subgraphs';
import type { DomainName } from '@shop/gateway/domains';
import type { TestGateway, TestGatewayOptions } from './gateway.js';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SubgraphProcess {
  url: string;
  port: number;
  /** SIGKILL: no shutdown of any kind, as a crash would be. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/** Starts `name` in its own process on `port` (0: any free port) and waits until it listens. */
export async function startSubgraphProcess(name: DomainName, databaseUrl: string, port = 0): Promise<SubgraphProcess> {
  process.env.GATEWAY_SIGNING_SECRET ??= randomBytes(32).toString('base64url');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT, name, String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`subgraph ${name} exited (${code}) before listening: ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${listening}/graphql`,
    port: listening,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

/**
 * A distributed gateway with every subgraph but `external` served in this
 * process; `external` is reached at `externalUrl` (a child process).
 */
export async function startGatewayWith(
  db: Db,
  external: DomainName,
  externalUrl: string,
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  const { subgraphServers, ...gatewayOptions } = options;
  const servers: Server[] = [];
  for (const module of SUBGRAPHS.filter((m) => m.name !== external)) {
    const server = await serveSubgraph(module, db, 0, subgraphServers);
    servers.push(server);
    process.env[`SUBGRAPH_${module.name.toUpperCase()}_URL`] = `http://127.0.0.1:${portOf(server)}/graphql`;
  }
  process.env[`SUBGRAPH_${external.toUpperCase()}_URL`] = externalUrl;
  const gateway = await createGateway({ mode: 'distributed', db, ...gatewayOptions });
  const http = await serveGateway(gateway, db, 0);
  servers.push(http);
  const url = `http://127.0.0.1:${portOf(http)}/graphql`;
  return {
    url,
    async query(query, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    async stop() {
      await gateway.stop();
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}

/** The child's entry point. */
async function main() {
  const [name, port] = process.argv.slice(2) as [DomainName, string];
  const database = connect(process.env.DATABASE_URL!);
  const server = await serveSubgraph(subgraph(name), database.db, Number(port));
  process.stdout.write(`listening ${portOf(server)}\n`);
  process.on('SIGTERM', () => server.close(() => void database.close().then(() => process.exit(0))));
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
