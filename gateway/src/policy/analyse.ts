import {
  BREAK,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { decide, type Caller, type DenialCode } from './decide.js';
import type { PolicyTable } from './table.js';

export interface Denial {
  code: DenialCode;
  /** `Type.field` (or `__schema`/`__type`) that was refused. */
  coordinate: string;
}

export interface Analysis {
  operation: OperationDefinitionNode;
  /** The fragments the operation spreads, directly or through other fragments. */
  fragments: FragmentDefinitionNode[];
  /** Refused field nodes (the same objects as in the document); their subtrees are not walked. */
  denied: Map<FieldNode, Denial>;
  /** Allowed `__schema`/`__type` root fields: answered from the caller's visible schema. */
  introspection: FieldNode[];
  /** Refused root fields of a mutation: the whole operation is then rejected, nothing runs. */
  refusedMutationFields: FieldNode[];
}

/** Introspection reaches the schema itself; only callers holding schema:read may use it. */
export const SCHEMA_READ = 'schema:read';

const mayIntrospect = (caller: Caller) =>
  (caller.principal.kind === 'staff' || caller.principal.kind === 'partner') && caller.scopes.has(SCHEMA_READ);

function reachableFragments(document: DocumentNode, operation: OperationDefinitionNode): FragmentDefinitionNode[] {
  const byName = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const reached = new Map<string, FragmentDefinitionNode>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const fragment = byName.get(spread.name.value);
        if (fragment && !reached.has(fragment.name.value)) {
          reached.set(fragment.name.value, fragment);
          pending.push(fragment.selectionSet);
        }
      },
    });
  }
  return [...reached.values()];
}

/**
 * Walks the operation and the fragments it reaches with TypeInfo, so that
 * fragments, inline fragments and interface selections are judged against the
 * type they select on. Aliases do not matter (the rule is on the field name),
 * and @skip/@include are ignored: a field that might run is checked. Only the
 * introspection nodes themselves are special, never the whole document
 * (envelop #892): `__typename` is always allowed.
 */
export function analyse(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  table: PolicyTable,
  caller: Caller,
): Analysis {
  const fragments = reachableFragments(document, operation);
  const denied = new Map<FieldNode, Denial>();
  const introspection: FieldNode[] = [];
  const mutationType = schema.getMutationType();
  const refusedMutationFields: FieldNode[] = [];
  for (const definition of [operation, ...fragments]) {
    const typeInfo = new TypeInfo(schema);
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const name = node.name.value;
          if (name === '__typename') return false;
          const parent = typeInfo.getParentType();
          // Unknown here means the document did not validate; execution reports that.
          if (!parent) return BREAK;
          // Inside introspection (fragments on __Type and the like): judged at __schema/__type.
          if (parent.name.startsWith('__')) return false;
          if (name === '__schema' || name === '__type') {
            if (mayIntrospect(caller)) introspection.push(node);
            else denied.set(node, { code: 'FORBIDDEN', coordinate: name });
            return false;
          }
          const coordinate = `${parent.name}.${name}`;
          const code = decide(table.fields[coordinate], caller);
          if (!code) return undefined;
          denied.set(node, { code, coordinate });
          if (parent === mutationType) refusedMutationFields.push(node);
          return false;
        },
      }),
    );
  }
  return { operation, fragments, denied, introspection, refusedMutationFields };
}
