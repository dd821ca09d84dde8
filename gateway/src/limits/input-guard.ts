import type { ApolloServerPlugin } from '@apollo/server';
import { codedError } from '@shop/kit';
import {
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { GatewayContext } from '../context.js';

/** Any text argument: far above any name, note or address, far below the body limit. */
export const MAX_TEXT_LENGTH = 10_000;
/** Search and filter text: every character costs a trigram scan (a 900 KB search took 20 s). */
export const MAX_SEARCH_LENGTH = 200;
/** Rich-text descriptions (sanitised HTML) need more room than plain text. */
export const MAX_RICH_TEXT_LENGTH = 100_000;

/** A whole CSV file sent as text (orderBatchShipFromCsv: 5,000 rows fit), within the 1 MB body limit. */
export const MAX_CSV_TEXT_LENGTH = 500_000;

/** Arguments and input fields whose text is matched against rows rather than stored. */
const SEARCH_NAMES = new Set(['filter', 'query', 'search']);
const RICH_TEXT_FIELDS = new Set(['descriptionHtml']);
const CSV_FIELDS = new Set(['csv']);

// PostgreSQL refuses NUL in text; a lone surrogate is not valid UTF-8 and cannot be stored or searched.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface BadInput {
  /** Path from the argument name down to the offending value, e.g. ["input", "variants", 0, "title"]. */
  path: (string | number)[];
  reason: string;
}

/** A bad value in the argument of a field, or variables that do not coerce to their types at all (graphql-js's message). */
export type BadArgument = ({ kind: 'argument'; field: string } & BadInput) | { kind: 'variables'; message: string };

function textProblem(text: string, limit: number): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it holds a lone surrogate)';
  if (text.length > limit) return `may hold at most ${limit} characters`;
  return null;
}

/**
 * Every string in a coerced input value that PostgreSQL could not store or that
 * is longer than its bound, through input objects and lists. `searchText` is
 * true below a filter/query/search argument or field.
 */
export function findBadInput(value: unknown, type: GraphQLInputType, path: (string | number)[], searchText = false): BadInput | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return findBadInput(value, nullable.ofType, path, searchText);
    for (const [index, item] of value.entries()) {
      const found = findBadInput(item, nullable.ofType, [...path, index], searchText);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return null;
    for (const [name, field] of Object.entries(nullable.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[name];
      const found = findBadInput(fieldValue, field.type, [...path, name], searchText || SEARCH_NAMES.has(name));
      if (found) return found;
    }
    return null;
  }
  // Scalars (String, ID and the custom ones, which the gateway does not parse) and enums.
  if (typeof value !== 'string') return null;
  const last = path.at(-1);
  const limit = searchText
    ? MAX_SEARCH_LENGTH
    : typeof last === 'string' && RICH_TEXT_FIELDS.has(last)
      ? MAX_RICH_TEXT_LENGTH
      : typeof last === 'string' && CSV_FIELDS.has(last)
        ? MAX_CSV_TEXT_LENGTH
        : MAX_TEXT_LENGTH;
  const reason = textProblem(value, limit);
  return reason ? { path, reason } : null;
}

/** The first bad argument value of the operation (variables and inline literals), with the field it was passed to. */
export function findBadArgument(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
): BadArgument | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return { kind: 'variables', message: coerced.errors[0]!.message };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  const seen = new Set<string>();
  let found: BadArgument | null = null;
  while (pending.length && !found) {
    const definition = pending.pop()!;
    const typeInfo = new TypeInfo(schema);
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        FragmentSpread(node) {
          const name = node.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) {
            seen.add(name);
            pending.push(fragment);
          }
        },
        Field(node) {
          const fieldDef = typeInfo.getFieldDef();
          if (found || !fieldDef || !node.arguments?.length) return;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(fieldDef, node, coerced.coerced);
          } catch {
            return; // invalid literals are validation's to report
          }
          for (const arg of fieldDef.args) {
            const bad = findBadInput(values[arg.name], arg.type, [arg.name], SEARCH_NAMES.has(arg.name));
            if (bad) {
              found = { kind: 'argument', field: fieldDef.name, ...bad };
              return;
            }
          }
        },
      }),
    );
  }
  return found;
}

/** `productCreate(input.variants[0].title)` */
export function describeArgument(field: string, path: (string | number)[]): string {
  const inside = path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
  return `${field}(${inside})`;
}

/**
 * Input validated at the edge, before any subgraph is called: every string
 * argument of the operation, passed as a variable or inline, at any depth of
 * input objects and lists, must be storable text within its length bound.
 * Number ranges are the scalars' job (Int is 32-bit; Decimal is bounded in
 * kit/scalars.ts), and sums past a column the services' (userErrors).
 */
export function inputGuardPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          const bad = findBadArgument(rc.schema, rc.document, rc.operation, rc.request.variables ?? {});
          if (!bad) return;
          // Refused here rather than at execution: later plugins (cost, policy) would read the variables as missing.
          if (bad.kind === 'variables') throw codedError('BAD_USER_INPUT', bad.message, { http: { status: 400 } });
          throw codedError('BAD_USER_INPUT', `${describeArgument(bad.field, bad.path)} ${bad.reason}.`, {
            field: bad.field,
            argumentPath: bad.path,
            http: { status: 400 },
          });
        },
      };
    },
  };
}
