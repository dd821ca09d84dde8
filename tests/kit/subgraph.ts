import { graphql } from 'graphql';
import { ANONYMOUS, log, type Db, type SubgraphModule } from '@shop/kit';

/** Runs operations straight on one subgraph's schema (no gateway), as an anonymous caller. */
export function subgraphExecutor(module: SubgraphModule, db: Db) {
  return (source: string, variableValues?: Record<string, unknown>) =>
    graphql({
      schema: module.schema,
      source,
      variableValues,
      contextValue: module.createContext({ db, principal: ANONYMOUS, requestId: 'test', log }),
    });
}
