import './telemetry-off.js';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { Admission, gatewayAdmissionLimits, log, SCHEMA_DIR, subgraphAdmissionLimits, type AdmissionLimits, type Db } from '@shop/kit';
import { errorMasking } from '@shop/kit/error-mask';
import { watchShopSettings } from '@shop/kit/shop-settings';
import { auditPlugin } from './audit-plugin.js';
import { databaseOutagePlugin } from './database-outage-plugin.js';
import { clientAddressOf, resolvePrincipal } from './auth/principal.js';
import type { IncomingMessage } from 'node:http';
import type { GatewayContext } from './context.js';
import { subgraphUrl, type DomainName } from './domains.js';
import { InProcessDataSource } from './in-process-data-source.js';
import { shapeLimits } from './limits/armor.js';
import { costPlugin } from './limits/cost-plugin.js';
import { inputGuardPlugin } from './limits/input-guard.js';
import { playgroundLandingPage } from './playground.js';
import { policyPlugin } from './policy/plugin.js';
import { loadPolicyTable } from './policy/table.js';
import { RemoteDataSource } from './remote-data-source.js';
import { subgraph } from './subgraphs.js';

export type GatewayMode = 'in-process' | 'distributed';

export interface Gateway {
  apollo: ApolloServer<GatewayContext>;
  mode: GatewayMode;
  /** Bounds the requests this gateway works on at once (http-server.ts answers OVERLOADED beyond it). */
  admission: Admission;
  context(req: IncomingMessage): Promise<GatewayContext>;
  stop(): Promise<void>;
}

/**
 * The Apollo gateway over the committed supergraph (never composed at start).
 * In-process it mounts each subgraph module; distributed it calls each over HTTP.
 */
export async function createGateway(options: {
  mode: GatewayMode;
  db: Db;
  /** false only in tests/bench, to measure what enforcement costs; never in a server. */
  enforcePolicy?: boolean;
  /** Requests in flight and queued at this gateway; default from GATEWAY_MAX_IN_FLIGHT etc. */
  admission?: AdmissionLimits;
  /** Distributed mode: each subgraph's fetch timeout and concurrent fetches; defaults from the environment. */
  subgraphs?: { timeoutMs?: number; admission?: AdmissionLimits };
}): Promise<Gateway> {
  const admission = new Admission(options.admission ?? gatewayAdmissionLimits());
  const supergraphSdl = readFileSync(`${SCHEMA_DIR}supergraph.gateway.graphql`, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    // Otherwise any client could read query plans with one header.
    __exposeQueryPlanExperimental: false,
    buildService: ({ name }): GraphQLDataSource =>
      options.mode === 'in-process'
        ? new InProcessDataSource(subgraph(name as DomainName), options.db)
        : new RemoteDataSource(name, subgraphUrl(name as DomainName), {
            timeoutMs: options.subgraphs?.timeoutMs,
            admission: new Admission(options.subgraphs?.admission ?? subgraphAdmissionLimits()),
          }),
  });
  const limits = shapeLimits();
  const masking = errorMasking<GatewayContext>();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // On for the server; the policy plugin allows it only to holders of schema:read
    // and answers it from the schema their scopes can see.
    introspection: true,
    ...masking.options,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    plugins: [
      masking.plugin,
      ...limits.plugins,
      inputGuardPlugin(),
      ...(options.enforcePolicy === false ? [] : [policyPlugin({ table: loadPolicyTable(), executor: gateway.executor })]),
      costPlugin(),
      auditPlugin(options.db),
      databaseOutagePlugin(),
      // Apollo's default landing page loads from a CDN; this one works offline.
      playgroundLandingPage(),
    ],
    logger: log,
    // main.ts stops everything in order on SIGINT/SIGTERM.
    stopOnTerminationSignals: false,
  });
  // The shop's zone and calendar, current in this process (and its in-process subgraphs) within seconds of a change.
  await Promise.all([apollo.start(), watchShopSettings(options.db)]);
  return {
    apollo,
    mode: options.mode,
    admission,
    context: async (req) => {
      const requestId = String(req.headers['x-request-id'] ?? randomUUID());
      return {
        requestId,
        principal: await resolvePrincipal(options.db, req),
        log: log.child({ requestId }),
        clientAddress: clientAddressOf(req),
        userAgent: req.headers['user-agent'] ?? null,
        acceptLanguage: req.headers['accept-language'] ?? null,
        changes: [],
      };
    },
    stop: () => apollo.stop(),
  };
}
