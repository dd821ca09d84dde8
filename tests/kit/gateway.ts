import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AdmissionLimits, Db } from '@shop/kit';
import { serveSubgraph } from '@shop/kit/subgraph-server';
import { createGateway, type GatewayMode } from '@shop/gateway/gateway';
import { serveGateway } from '@shop/gateway/http-server';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';

export interface TestGateway {
  url: string;
  /** POSTs one operation; returns the parsed JSON body and the HTTP status. */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { data?: T; errors?: any } & Record<string, any> }>;
  stop(): Promise<void>;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

export type TestGatewayOptions = Omit<Parameters<typeof createGateway>[0], 'mode' | 'db'> & {
  /** Distributed mode: the limits of each subgraph server (not the gateway's links to them). */
  subgraphServers?: { admission?: AdmissionLimits };
};

/**
 * The real gateway on a free loopback port. Distributed mode also starts every
 * subgraph as its own HTTP server on loopback, and the gateway calls them over HTTP.
 */
export async function startTestGateway(mode: GatewayMode, db: Db, options: TestGatewayOptions = {}): Promise<TestGateway> {
  process.env.GATEWAY_SIGNING_SECRET ??= randomBytes(32).toString('base64url');
  const servers: Server[] = [];
  if (mode === 'distributed') {
    for (const module of SUBGRAPHS) {
      const server = await serveSubgraph(module, db, 0, options.subgraphServers);
      servers.push(server);
      process.env[`SUBGRAPH_${module.name.toUpperCase()}_URL`] = `http://127.0.0.1:${portOf(server)}/graphql`;
    }
  }
  const { subgraphServers: _servers, ...gatewayOptions } = options;
  const gateway = await createGateway({ mode, db, ...gatewayOptions });
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
