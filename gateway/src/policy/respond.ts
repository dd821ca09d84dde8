import { createHash } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import { HeaderMap, type GraphQLRequestContextResponseForOperation, type GraphQLResponse } from '@apollo/server';
import {
  buildASTSchema,
  execute,
  GraphQLError,
  Kind,
  parse,
  print,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
} from 'graphql';
import type { GatewayContext } from '../context.js';
import type { Analysis } from './analyse.js';
import { denialError } from './errors.js';
import { filteredDocument, needsSubgraphs, reexecutionDocument, responseKey, TYPENAME_ALIAS } from './filter.js';
import type { PolicyTable } from './table.js';

type Executor = ApolloGateway['executor'];
type RequestContext = GraphQLRequestContextResponseForOperation<GatewayContext>;

/** What one (document, operation, caller) needs at execution, built once and cached with its analysis. */
export interface Plan {
  analysis: Analysis;
  /** The filtered document under its own hash: the gateway's plan cache is keyed on it, so one caller's plan never serves another. */
  filtered: { document: DocumentNode; source: string; queryHash: string } | null;
  reexecution: DocumentNode;
}

export function planFor(schema: GraphQLSchema, document: DocumentNode, analysis: Analysis): Plan {
  const filteredDoc = filteredDocument(schema, analysis);
  const source = print(filteredDoc);
  return {
    analysis,
    filtered: needsSubgraphs(filteredDoc)
      ? { document: filteredDoc, source, queryHash: createHash('sha256').update(source).digest('hex') }
      : null,
    reexecution: reexecutionDocument(document, analysis),
  };
}

/** The AS3-shaped request context @apollo/gateway's executor reads, for the filtered document. */
function gatewayRequest(rc: RequestContext, filtered: NonNullable<Plan['filtered']>): Parameters<Executor>[0] {
  return {
    // No `http`: the gateway reads it only to expose query plans, which we turn off.
    request: {
      query: filtered.source,
      operationName: rc.request.operationName,
      variables: rc.request.variables,
      extensions: rc.request.extensions,
    },
    logger: rc.logger,
    schema: rc.schema,
    schemaHash: 'unused by the gateway' as Parameters<Executor>[0]['schemaHash'],
    context: rc.contextValue,
    cache: rc.cache,
    queryHash: filtered.queryHash,
    document: filtered.document,
    source: filtered.source,
    operationName: rc.operationName,
    operation: filtered.document.definitions[0] as OperationDefinitionNode,
    metrics: rc.metrics,
    overallCachePolicy: rc.overallCachePolicy,
    requestIsBatched: rc.requestIsBatched,
  };
}

const resolverFree = new WeakMap<GraphQLSchema, GraphQLSchema>();

/**
 * The API schema rebuilt from its SDL, for re-executions only. Apollo Server
 * wraps every field of its own schema object with a resolver once any plugin
 * instruments fields (cache control does), and a field with a resolver never
 * calls execute()'s `fieldResolver`: the refusals would silently turn into
 * plain nulls without errors.
 */
function reexecutionSchema(api: GraphQLSchema): GraphQLSchema {
  let schema = resolverFree.get(api);
  if (!schema) resolverFree.set(api, (schema = buildASTSchema(parse(printSchema(api)), { assumeValidSDL: true })));
  return schema;
}

const format = (error: unknown): GraphQLFormattedError => {
  const formatted: GraphQLFormattedError =
    error instanceof GraphQLError ? error.toJSON() : error instanceof Error ? { message: error.message } : (error as GraphQLFormattedError);
  // As Apollo Server would: every error carries a code.
  return { ...formatted, extensions: { code: 'INTERNAL_SERVER_ERROR', ...formatted.extensions } };
};

/** Answers for the introspection root fields, run against the caller's visible schema. */
async function introspect(rc: RequestContext, analysis: Analysis, visible: GraphQLSchema): Promise<ExecutionResult> {
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    variableDefinitions: analysis.operation.variableDefinitions,
    selectionSet: { kind: Kind.SELECTION_SET, selections: analysis.introspection },
  };
  return execute({
    schema: visible,
    document: { kind: Kind.DOCUMENT, definitions: [operation, ...analysis.fragments] },
    variableValues: rc.request.variables,
  });
}

/**
 * Filter mode (refused fields answer null, the rest runs): the gateway executes the filtered
 * document; graphql-js then re-executes the caller's own document over that
 * answer, so refused fields become null with a FORBIDDEN (or UNAUTHENTICATED,
 * STEP_UP_REQUIRED) error at their exact path and non-null bubbling is the
 * spec's. When nothing but refused fields and introspection remain, no
 * subgraph is called.
 */
export async function respond(
  rc: RequestContext,
  plan: Plan,
  table: PolicyTable,
  executor: Executor,
  visible: () => GraphQLSchema,
): Promise<GraphQLResponse> {
  const { analysis } = plan;
  const upstream = plan.filtered ? await executor(gatewayRequest(rc, plan.filtered)) : { data: {} };
  const respondWith = (result: ExecutionResult): GraphQLResponse => ({
    http: { status: undefined, headers: new HeaderMap() },
    body: {
      kind: 'single',
      singleResult: {
        ...(result.data !== undefined ? { data: result.data } : {}),
        ...(result.errors?.length ? { errors: result.errors.map(format) } : {}),
        ...(upstream.extensions ? { extensions: upstream.extensions } : {}),
      },
    },
  });
  if (!upstream.data) return respondWith({ data: null, errors: upstream.errors ?? [] });

  const fieldResolver: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _ctx, info) => {
    for (const node of info.fieldNodes) {
      const denial = analysis.denied.get(node);
      if (denial) throw denialError(denial, table);
    }
    return source[info.path.key as string];
  };
  const typeResolver: GraphQLTypeResolver<Record<string, unknown>, unknown> = (value) => value[TYPENAME_ALIAS] as string;
  const shaped = await execute({
    schema: reexecutionSchema(rc.schema),
    document: plan.reexecution,
    operationName: rc.operationName ?? undefined,
    rootValue: upstream.data,
    variableValues: rc.request.variables,
    fieldResolver,
    typeResolver,
  });
  const errors: unknown[] = [...(upstream.errors ?? []), ...(shaped.errors ?? [])];
  let data: Record<string, unknown> | null = shaped.data ? { ...shaped.data } : null;

  const introspection = analysis.introspection.length ? await introspect(rc, analysis, visible()) : { data: {} };
  errors.push(...(introspection.errors ?? []));
  for (const node of analysis.introspection) if (data) data[responseKey(node)] = introspection.data?.[responseKey(node)] ?? null;
  for (const [node, denial] of analysis.denied) {
    if (!denial.coordinate.startsWith('__') || !data) continue;
    errors.push(denialError(denial, table, { node, path: [responseKey(node)] }));
    // `__schema` is non-null: refusing it nulls the whole answer, as graphql-js would.
    data = node.name.value === '__schema' ? null : { ...data, [responseKey(node)]: null };
  }
  return respondWith({ data, errors: errors as GraphQLError[] });
}
