import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import { analyse, type Analysis } from './analyse.js';
import { callerKey, callerOf, type Caller } from './decide.js';
import { denialError, PRECEDENCE } from './errors.js';
import { responseKey } from './filter.js';
import { planFor, respond, type Plan } from './respond.js';
import type { PolicyTable } from './table.js';
import { visibleSchema } from './visible-schema.js';

/** Distinct callers per cached document (roles × scopes combinations); past it the entry starts over. */
const CALLERS_PER_DOCUMENT = 32;
const VISIBLE_SCHEMAS = 64;

/**
 * Field-level policy at the gateway, in front of every subgraph call.
 *
 * didResolveOperation runs on every request, document-cache hits included
 * (never validationRules, which are cached per document, not per caller). It walks the
 * operation for this caller and rejects a mutation whose root field is
 * refused, before anything runs. responseForOperation answers queries with
 * refused fields or introspection through the filtered document (respond.ts);
 * an operation with neither takes Apollo's normal path at no extra cost.
 */
export function policyPlugin(options: { table: PolicyTable; executor: ApolloGateway['executor'] }): ApolloServerPlugin<GatewayContext> {
  const { table, executor } = options;
  // Keyed by the parsed document Apollo Server caches per query hash, so a repeated
  // operation is analysed once per kind of caller.
  const analyses = new WeakMap<DocumentNode, Map<string, Analysis>>();
  const plans = new WeakMap<Analysis, Plan>();
  const visibleSchemas = new WeakMap<GraphQLSchema, Map<string, GraphQLSchema>>();

  const visibleFor = (api: GraphQLSchema, caller: Caller) => {
    let byCaller = visibleSchemas.get(api);
    if (!byCaller) visibleSchemas.set(api, (byCaller = new Map()));
    const key = callerKey(caller);
    let schema = byCaller.get(key);
    if (!schema) {
      if (byCaller.size >= VISIBLE_SCHEMAS) byCaller.clear();
      byCaller.set(key, (schema = visibleSchema(api, table, caller)));
    }
    return schema;
  };

  return {
    async requestDidStart() {
      let analysis: Analysis | undefined;
      let caller: Caller | undefined;
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          caller = callerOf(rc.contextValue.principal);
          let byCaller = analyses.get(rc.document);
          if (!byCaller) analyses.set(rc.document, (byCaller = new Map()));
          const key = `${rc.operationName ?? ''}|${callerKey(caller)}`;
          analysis = byCaller.get(key);
          if (!analysis) {
            if (byCaller.size >= CALLERS_PER_DOCUMENT) byCaller.clear();
            byCaller.set(key, (analysis = analyse(rc.schema, rc.document, rc.operation, table, caller)));
          }
          const { denied, refusedMutationFields } = analysis;
          if (refusedMutationFields.length) {
            const denials = refusedMutationFields.map((node) => ({ node, denial: denied.get(node)! }));
            const first = denials.sort((a, b) => PRECEDENCE.indexOf(a.denial.code) - PRECEDENCE.indexOf(b.denial.code))[0]!;
            throw denialError(first.denial, table, { node: first.node, path: [responseKey(first.node)], withStatus: true });
          }
        },
        async responseForOperation(rc) {
          if (!analysis || !caller || (analysis.denied.size === 0 && analysis.introspection.length === 0)) return null;
          let plan = plans.get(analysis);
          if (!plan) plans.set(analysis, (plan = planFor(rc.schema, rc.document, analysis)));
          const viewer = caller;
          return respond(rc, plan, table, executor, () => visibleFor(rc.schema, viewer));
        },
      };
    },
  };
}
