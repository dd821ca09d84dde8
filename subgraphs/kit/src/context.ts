import type { Db } from './db.js';
import type { Logger } from './log.js';

/** Who is calling, as resolved by the gateway. Issue #3 adds customer, staff and partner. */
export type Principal = { kind: 'anonymous' };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** What the gateway (or the HTTP subgraph server) knows about one request. */
export interface RequestBase {
  db: Db;
  principal: Principal;
  requestId: string;
  log: Logger;
}

/** A subgraph resolver's context: the request plus this subgraph's per-request loaders. */
export interface SubgraphContext<Loaders> extends RequestBase {
  loaders: Loaders;
}
