import { graphql } from 'graphql';
import { log, type Db, type Principal, type SubgraphModule } from '@shop/kit';
import { TEST_OPERATOR } from './principals.js';

/** Runs operations straight on one subgraph's schema (no gateway), as `principal`. */
export function subgraphExecutor(module: SubgraphModule, db: Db, principal: Principal = TEST_OPERATOR, acceptLanguage: string | null = null) {
  return (source: string, variableValues?: Record<string, unknown>) =>
    graphql({
      schema: module.schema,
      source,
      variableValues,
      contextValue: module.createContext({ db, principal, requestId: 'test', log, changes: [], acceptLanguage }),
    });
}
