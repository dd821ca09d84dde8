import {
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { REDACTED } from '@shop/access/audit';
import { sensitiveInput } from '../../../schema/sensitive-inputs.js';
import { fragmentsOf, rootFieldsOf } from './root-fields.js';

/** Stored instead of a root field's arguments when they could not be resolved against the schema. */
export const NOT_RESOLVED = '[NOT RESOLVED: the arguments did not match the schema, so none are kept]';

export interface AuditedOperation {
  /** Names of the top-level fields, in selection order, without repeats. */
  rootFields: string[];
  /** Per response key (alias or field name): the field's arguments, sensitive values replaced. */
  arguments: Record<string, Record<string, unknown> | string>;
}

export function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType | null | undefined {
  return operation.operation === 'mutation'
    ? schema.getMutationType()
    : operation.operation === 'subscription'
      ? schema.getSubscriptionType()
      : schema.getQueryType();
}

/**
 * What the audit row says an operation asked for: each root field's arguments
 * as the server resolved them — variables and inline values coerced against
 * the schema — with every input marked in schema/sensitive-inputs.ts replaced
 * by "[REDACTED]" at any depth. Nothing the client sent is stored unresolved:
 * a field whose arguments do not coerce keeps a note instead.
 */
export function auditedOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): AuditedOperation {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  const variables = coerced.coerced ?? null;
  const fields = rootFieldsOf(operation, fragmentsOf(document), variables);
  const rootType = rootTypeOf(schema, operation);
  const args: AuditedOperation['arguments'] = {};
  for (const { responseKey, node } of fields) {
    const field = rootType?.getFields()[node.name.value];
    if (!field) {
      if (!node.name.value.startsWith('__')) args[responseKey] = NOT_RESOLVED;
      continue;
    }
    args[responseKey] = variables ? resolvedArguments(rootType!.name, field, node, variables) : NOT_RESOLVED;
  }
  return { rootFields: [...new Set(fields.map((f) => f.node.name.value))], arguments: args };
}

function resolvedArguments(
  parentType: string,
  field: GraphQLField<unknown, unknown>,
  node: Parameters<typeof getArgumentValues>[1],
  variables: Record<string, unknown>,
): Record<string, unknown> | string {
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(field, node, variables);
  } catch {
    return NOT_RESOLVED;
  }
  const out: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (!(arg.name in values)) continue;
    out[arg.name] = sensitiveInput(`${parentType}.${field.name}(${arg.name}:)`)
      ? REDACTED
      : withoutSensitiveInputs(values[arg.name], arg.type);
  }
  return out;
}

/** A coerced input value with every marked input field replaced, through lists and nested inputs. */
export function withoutSensitiveInputs(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    return Array.isArray(value) ? value.map((item) => withoutSensitiveInputs(item, nullable.ofType)) : value;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (!field) continue;
      out[name] = sensitiveInput(`${nullable.name}.${name}`) ? REDACTED : withoutSensitiveInputs(item, field.type);
    }
    return out;
  }
  return value;
}
