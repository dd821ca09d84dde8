import {
  buildASTSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  printSchema,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type TypeDefinitionNode,
} from 'graphql';
import { decide, steppedUp, type Caller } from './decide.js';
import type { PolicyTable } from './table.js';

/**
 * The API schema as one caller may use it: fields it may not read removed,
 * then types left without fields, and types out of reach. Introspection by
 * this caller runs against it, so a partner's playground shows what its key
 * can do and nothing more. Staff see what a step-up confirmation would allow.
 */
export function visibleSchema(api: GraphQLSchema, table: PolicyTable, caller: Caller): GraphQLSchema {
  const viewer = steppedUp(caller);
  const types = Object.values(api.getTypeMap()).filter((t) => !t.name.startsWith('__'));
  const readable = (type: GraphQLNamedType, field: GraphQLField<unknown, unknown>) =>
    decide(table.fields[`${type.name}.${field.name}`], viewer) === null;

  // A composite type lives while one of its readable fields leads to a living type.
  const alive = new Set(types.map((t) => t.name));
  const keeps = (type: GraphQLNamedType, field: GraphQLField<unknown, unknown>) =>
    readable(type, field) && alive.has(getNamedType(field.type).name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const type of types) {
      if (!alive.has(type.name)) continue;
      const lives =
        isObjectType(type) || isInterfaceType(type)
          ? Object.values(type.getFields()).some((f) => keeps(type, f))
          : isUnionType(type)
            ? type.getTypes().some((member) => alive.has(member.name))
            : true;
      if (!lives) {
        alive.delete(type.name);
        changed = true;
      }
    }
  }

  // Only what the roots reach through kept fields, their arguments and implementations.
  const reached = new Set<string>();
  const pending = [api.getQueryType(), api.getMutationType(), api.getSubscriptionType()].filter(
    (t): t is NonNullable<typeof t> => !!t && alive.has(t.name),
  ) as GraphQLNamedType[];
  while (pending.length) {
    const type = pending.pop()!;
    if (reached.has(type.name) || !alive.has(type.name)) continue;
    reached.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()).filter((f) => keeps(type, f))) {
        pending.push(getNamedType(field.type), ...field.args.map((a) => getNamedType(a.type)));
      }
      pending.push(...type.getInterfaces());
      if (isInterfaceType(type)) pending.push(...api.getPossibleTypes(type));
    } else if (isUnionType(type)) {
      pending.push(...type.getTypes());
    } else if (isInputObjectType(type)) {
      pending.push(...Object.values(type.getFields()).map((f) => getNamedType(f.type)));
    }
  }

  const definitions = parse(printSchema(api)).definitions.flatMap((definition): DefinitionNode[] => {
    if (!isTypeDefinition(definition)) return [definition];
    if (!reached.has(definition.name.value)) return [];
    const type = api.getType(definition.name.value);
    if (definition.kind === Kind.UNION_TYPE_DEFINITION) {
      return [{ ...definition, types: definition.types?.filter((t) => reached.has(t.name.value)) }];
    }
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) return [definition];
    if (!isObjectType(type) && !isInterfaceType(type)) return [definition];
    const fields = type.getFields();
    return [
      {
        ...definition,
        interfaces: definition.interfaces?.filter((i) => reached.has(i.name.value)),
        fields: definition.fields?.filter((f) => keeps(type, fields[f.name.value]!)),
      },
    ];
  });
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions };
  return buildASTSchema(document, { assumeValidSDL: true });
}

const isTypeDefinition = (definition: DefinitionNode): definition is TypeDefinitionNode =>
  definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
  definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
  definition.kind === Kind.UNION_TYPE_DEFINITION ||
  definition.kind === Kind.ENUM_TYPE_DEFINITION ||
  definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
  definition.kind === Kind.SCALAR_TYPE_DEFINITION;
