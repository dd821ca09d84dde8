import {
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { REDACTED } from '@shop/access/audit';
import { sensitiveInput } from '../../../schema/sensitive-inputs.js';
import { rootTypeOf } from './resolved-arguments.js';
import { fragmentsOf, rootFieldsOf } from './root-fields.js';

/** A nested value deeper than this is cut short, like the audit row's own redaction. */
const MAX_DEPTH = 32;

/**
 * Every value the client sent in a marked input (schema/sensitive-inputs.ts),
 * as the text an error message could echo: strings, numbers and object keys,
 * found through inline literals and through variables of any name. Works on
 * the raw request, so it also finds values that failed to coerce — the ones
 * graphql-js echoes in "Variable "$x" got invalid value …".
 */
export function sensitiveValuesOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): Set<string> {
  const found = new Set<string>();
  const variables = rawVariables ?? {};
  const rootType = rootTypeOf(schema, operation);
  for (const { node } of rootFieldsOf(operation, fragmentsOf(document), null)) {
    const field = rootType?.getFields()[node.name.value];
    for (const argument of node.arguments ?? []) {
      const definition = field?.args.find((a) => a.name === argument.name.value);
      const marked = rootType && field ? sensitiveInput(`${rootType.name}.${field.name}(${argument.name.value}:)`) !== null : false;
      fromLiteral(argument.value, definition?.type, marked, variables, found, 0);
    }
  }
  return found;
}

function fieldsOf(type: GraphQLInputType | undefined) {
  const nullable = type && getNullableType(type);
  return isInputObjectType(nullable) ? { name: nullable.name, fields: nullable.getFields() } : null;
}

function fromLiteral(
  node: ValueNode,
  type: GraphQLInputType | undefined,
  marked: boolean,
  variables: Record<string, unknown>,
  found: Set<string>,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  const nullable = type && getNullableType(type);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    if (marked) everyLeaf(value, found, depth);
    else fromVariable(value, type, found, depth);
    return;
  }
  if (isListType(nullable) && node.kind !== Kind.LIST) {
    fromLiteral(node, nullable.ofType, marked, variables, found, depth + 1);
    return;
  }
  switch (node.kind) {
    case Kind.OBJECT: {
      const object = marked ? null : fieldsOf(type);
      for (const field of node.fields) {
        if (marked) found.add(field.name.value);
        const inner = object?.fields[field.name.value];
        const innerMarked = marked || (object !== null && sensitiveInput(`${object.name}.${field.name.value}`) !== null);
        fromLiteral(field.value, inner?.type, innerMarked, variables, found, depth + 1);
      }
      return;
    }
    case Kind.LIST:
      for (const item of node.values) {
        fromLiteral(item, isListType(nullable) ? nullable.ofType : undefined, marked, variables, found, depth + 1);
      }
      return;
    case Kind.STRING:
    case Kind.INT:
    case Kind.FLOAT:
    case Kind.ENUM:
      if (marked) found.add(node.value);
      return;
    default:
      return;
  }
}

/** A variable's raw value, walked along the type of the place it is used. */
function fromVariable(value: unknown, type: GraphQLInputType | undefined, found: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  const nullable = type && getNullableType(type);
  if (isListType(nullable)) {
    for (const item of Array.isArray(value) ? value : [value]) fromVariable(item, nullable.ofType, found, depth + 1);
    return;
  }
  const object = fieldsOf(type);
  if (!object || Array.isArray(value)) return;
  for (const [name, item] of Object.entries(value)) {
    const field = object.fields[name];
    if (sensitiveInput(`${object.name}.${name}`) !== null) everyLeaf(item, found, depth + 1);
    else if (field) fromVariable(item, field.type, found, depth + 1);
  }
}

/** Everything under a marked input, whatever its shape: a password sent as an object is still a password. */
function everyLeaf(value: unknown, found: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || value === null || value === undefined) return;
  if (typeof value === 'string') found.add(value);
  else if (typeof value === 'number' || typeof value === 'bigint') found.add(String(value));
  else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!Array.isArray(value)) found.add(key);
      everyLeaf(item, found, depth + 1);
    }
  }
}

/** Shorter values are masked only where they stand quoted, so "12" does not eat every 12 in a message. */
const MIN_BARE_LENGTH = 4;

/**
 * A function that replaces every occurrence of the given values in a text by
 * "[REDACTED]" (also in their JSON-escaped form, as graphql-js prints them);
 * null when there is nothing to mask.
 */
export function echoMask(values: Iterable<string>): ((text: string) => string) | null {
  const replacements = new Map<string, string>();
  for (const value of values) {
    if (!value) continue;
    const quoted = JSON.stringify(value);
    if (value.length >= MIN_BARE_LENGTH) {
      replacements.set(value, REDACTED);
      replacements.set(quoted.slice(1, -1), REDACTED);
    } else {
      replacements.set(quoted, JSON.stringify(REDACTED));
    }
  }
  if (!replacements.size) return null;
  // Longest first, so a value containing another is replaced whole.
  const ordered = [...replacements].sort(([a], [b]) => b.length - a.length);
  return (text) => ordered.reduce((masked, [from, to]) => (masked.includes(from) ? masked.split(from).join(to) : masked), text);
}

/** A JSON-like value with mask applied to every string (and object key) at any depth. */
export function maskDeep<T>(value: T, mask: (text: string) => string, depth = 0): T {
  if (typeof value === 'string') return mask(value) as T;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, mask, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [mask(key), maskDeep(item, mask, depth + 1)])) as T;
}
