import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Db } from './db.js';
import type { RequestBase, SubgraphContext } from './context.js';
import { guardDatabaseOutages } from './database-outage.js';
import { DateTimeScalar, DecimalScalar } from './scalars.js';
import { guardEntryPoints, type EntryPointRules } from './shield.js';

export const SCHEMA_DIR = fileURLToPath(new URL('../../../schema/', import.meta.url));

/**
 * A domain's SDL as composed and served: the shared kit types followed by
 * schema/<domain>.graphql. compose reads it through here too, so the two never drift.
 */
export function subgraphSdl(name: string): DocumentNode {
  const kit = readFileSync(`${SCHEMA_DIR}kit.graphql`, 'utf8');
  const own = readFileSync(`${SCHEMA_DIR}${name}.graphql`, 'utf8');
  return parse(`${own}\n${kit}`);
}

/** A background task: payload in, idempotent work on the database. */
export type Task = (payload: unknown, db: Db) => Promise<void>;

export interface SubgraphModule {
  name: string;
  schema: GraphQLSchema;
  migrationsFolder: string;
  createContext(base: RequestBase): SubgraphContext<unknown>;
  tasks: Record<string, Task>;
}

export function defineSubgraph<Loaders>(def: {
  name: string;
  /** import.meta.url of the domain's src/index.ts, to find its migrations folder. */
  moduleUrl: string;
  resolvers: GraphQLResolverMap<SubgraphContext<Loaders>>;
  /** Per-request loaders; row rules that depend on the caller read `request.principal`. */
  createLoaders(db: Db, request: RequestBase): Loaders;
  /** Entry-point rules (kit/shield.ts), applied with a deny fallback. */
  permissions?: EntryPointRules;
  tasks?: Record<string, Task>;
}): SubgraphModule {
  const built = buildSubgraphSchema({
    typeDefs: subgraphSdl(def.name),
    // A lost database answers DATABASE_UNAVAILABLE (retryable) from any resolver, in both gateway modes.
    resolvers: { DateTime: DateTimeScalar, Decimal: DecimalScalar, ...guardDatabaseOutages(def.resolvers) } as GraphQLResolverMap<unknown>,
  });
  const schema = def.permissions ? guardEntryPoints(built, def.permissions) : built;
  return {
    name: def.name,
    schema,
    migrationsFolder: fileURLToPath(new URL('../migrations', def.moduleUrl)),
    createContext: (base) => ({ ...base, loaders: def.createLoaders(base.db, base) }),
    tasks: def.tasks ?? {},
  };
}
