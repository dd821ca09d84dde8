import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { GraphQLSchema } from 'graphql';
import type { Db } from './db.js';
import type { RequestBase, SubgraphContext } from './context.js';
import { guardDatabaseOutages } from './database-outage.js';
import { subgraphSdl } from './sdl.js';
import { DateTimeScalar, DecimalScalar } from './scalars.js';
import { guardEntryPoints, type EntryPointRules } from './shield.js';

/** A background task: payload in, idempotent work on the database. */
export type Task = (payload: unknown, db: Db) => Promise<void>;

/**
 * A task the worker queues on a clock: `cron` is a five-field pattern in UTC
 * (graphile-worker's crontab); `atShopTime` ("HH:MM") is every day at that time
 * of the shop's day, turned into a UTC pattern when the worker starts, in the
 * shop's zone as then saved (dailyAtShopTime). The task gets `{ _cron: { ts } }` as its payload.
 */
export type Schedule = { task: string; cron: string } | { task: string; atShopTime: string };

export interface SubgraphModule {
  name: string;
  schema: GraphQLSchema;
  migrationsFolder: string;
  createContext(base: RequestBase): SubgraphContext<unknown>;
  tasks: Record<string, Task>;
  /** Runs once the database is migrated, at every start (see defineSubgraph). */
  afterMigrate?: (db: Db) => Promise<void>;
  schedules: Schedule[];
}

/**
 * A domain's resolver map, declared with the `Resolvers` type generated from its SDL
 * (src/generated/resolvers-types.ts, `pnpm codegen`), which checks every field, argument
 * and return against the schema; the kit needs only its outline.
 */
export type SubgraphResolvers = { readonly [typeName: string]: object | undefined };

export function defineSubgraph<Loaders>(def: {
  name: string;
  /** import.meta.url of the domain's src/index.ts, to find its migrations folder. */
  moduleUrl: string;
  resolvers: SubgraphResolvers;
  /** Per-request loaders; row rules that depend on the caller read `request.principal`. */
  createLoaders(db: Db, request: RequestBase): Loaders;
  /** Entry-point rules (kit/shield.ts), applied with a deny fallback. */
  permissions?: EntryPointRules;
  tasks?: Record<string, Task>;
  /**
   * Work a new migration cannot do in SQL, e.g. queueing a backfill job (the jobs schema is
   * migrated after the domains). Runs after every migration, at every start: keep it idempotent and cheap.
   */
  afterMigrate?: (db: Db) => Promise<void>;
  /** Tasks of this domain to run on a clock; each must be one of `tasks`. */
  schedules?: Schedule[];
}): SubgraphModule {
  const built = buildSubgraphSchema({
    typeDefs: subgraphSdl(def.name),
    // A lost database answers DATABASE_UNAVAILABLE (retryable) from any resolver, in both gateway modes.
    // The cast: Apollo's map type has no (reference, context) signature for __resolveReference;
    // the generated types already checked the map against this very SDL.
    resolvers: { DateTime: DateTimeScalar, Decimal: DecimalScalar, ...guardDatabaseOutages(def.resolvers) } as GraphQLResolverMap<unknown>,
  });
  const schema = def.permissions ? guardEntryPoints(built, def.permissions) : built;
  return {
    name: def.name,
    schema,
    migrationsFolder: fileURLToPath(new URL('../migrations', def.moduleUrl)),
    createContext: (base) => ({ ...base, loaders: def.createLoaders(base.db, base) }),
    tasks: def.tasks ?? {},
    afterMigrate: def.afterMigrate,
    schedules: def.schedules ?? [],
  };
}
