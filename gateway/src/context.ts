import type { ChangeRecord, Db, Logger, Principal, RequestBase, SubgraphContext, SubgraphModule } from '@shop/kit';

/** The gateway's per-request context, shared by every subgraph fetch of one request. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  log: Logger;
  clientAddress: string | null;
  userAgent: string | null;
  /** The client's Accept-Language header; subgraphs answer translated text in it. */
  acceptLanguage?: string | null;
  /** What updates changed, collected from every subgraph the request reached (audit log). */
  changes: ChangeRecord[];
}

const derived = new WeakMap<GatewayContext, Map<string, SubgraphContext<unknown>>>();

/**
 * One subgraph context per (request, subgraph): fresh DataLoaders for each
 * request, never shared between subgraphs (the gateway hands one context to
 * every in-process fetch and does not deduplicate entity representations: the
 * loaders do), the same code path the HTTP subgraph server runs.
 */
export function subgraphContext(gateway: GatewayContext, module: SubgraphModule, db: Db): SubgraphContext<unknown> {
  let perSubgraph = derived.get(gateway);
  if (!perSubgraph) derived.set(gateway, (perSubgraph = new Map()));
  let context = perSubgraph.get(module.name);
  if (!context) {
    const base: RequestBase = {
      db,
      principal: gateway.principal,
      requestId: gateway.requestId,
      log: gateway.log,
      clientAddress: gateway.clientAddress,
      acceptLanguage: gateway.acceptLanguage ?? null,
      changes: gateway.changes,
    };
    perSubgraph.set(module.name, (context = module.createContext(base)));
  }
  return context;
}
