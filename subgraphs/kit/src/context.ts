import type { Db } from './db.js';
import type { Logger } from './log.js';

/**
 * Who is calling, as resolved by the gateway from the request's credentials
 * and forwarded to subgraphs (signed, in distributed mode).
 */
export type Principal =
  | { kind: 'anonymous' }
  /** A storefront shopper signed in through the members domain. */
  | { kind: 'customer'; memberId: string; sessionId: string }
  /** An operator signed in to the console; scopes are the union of the roles' scopes. */
  | {
      kind: 'staff';
      staffId: string;
      sessionId: string;
      roles: string[];
      scopes: string[];
      /** Epoch ms until which a step-up confirmation holds for sensitive operations. */
      stepUpUntil: number | null;
    }
  /** A partner integration calling with an API key. */
  | { kind: 'partner'; apiKeyId: string; scopes: string[] };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** The scopes a principal holds (customers and anonymous callers hold none). */
export function scopesOf(principal: Principal): readonly string[] {
  return principal.kind === 'staff' || principal.kind === 'partner' ? principal.scopes : [];
}

/** Staff and partners work the back office; anyone else is a shopper or a stranger. */
export function isOperator(principal: Principal): boolean {
  return principal.kind === 'staff' || principal.kind === 'partner';
}

/** Before and after of the fields one update changed, for the audit log. */
export interface ChangeRecord {
  entity: string;
  id: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The fields whose values differ between two snapshots; null when nothing changed. */
export function changeOf(
  entity: string,
  id: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ChangeRecord | null {
  const fields = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (!fields.length) return null;
  const pick = (row: Record<string, unknown>) => Object.fromEntries(fields.map((key) => [key, row[key]]));
  return { entity, id, before: pick(before), after: pick(after) };
}

/** What the gateway (or the HTTP subgraph server) knows about one request. */
export interface RequestBase {
  db: Db;
  principal: Principal;
  requestId: string;
  log: Logger;
  /** The end client's address as the gateway saw it (login throttling, audit). */
  clientAddress?: string | null;
  /** The end client's Accept-Language header, for domains that answer in the caller's language. */
  acceptLanguage?: string | null;
  /** Updates append what they changed here; the gateway writes it to the audit row. */
  changes: ChangeRecord[];
}

/** A subgraph resolver's context: the request plus this subgraph's per-request loaders. */
export interface SubgraphContext<Loaders> extends RequestBase {
  loaders: Loaders;
}
