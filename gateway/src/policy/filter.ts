import {
  isAbstractType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Analysis } from './analyse.js';

/** Added where the re-execution must know an object's concrete type, or a set would be empty. */
export const TYPENAME_ALIAS = '__authz_t';

const typenameField = (alias: string): FieldNode => ({
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: alias },
  name: { kind: Kind.NAME, value: '__typename' },
});

export const responseKey = (field: FieldNode): string => field.alias?.value ?? field.name.value;

/**
 * The document the gateway plans and executes instead of the caller's: only
 * the chosen operation and the fragments it reaches, without refused fields
 * and without introspection (answered from the caller's visible schema).
 * Abstract selections get `__authz_t: __typename` so the re-execution can
 * resolve types; a selection set left empty keeps just that field.
 */
export function filteredDocument(schema: GraphQLSchema, analysis: Analysis): DocumentNode {
  const removed = new Set<FieldNode>([...analysis.denied.keys(), ...analysis.introspection]);
  const typeInfo = new TypeInfo(schema);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [analysis.operation, ...analysis.fragments] };
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        return removed.has(node) ? null : undefined;
      },
      SelectionSet: {
        leave(node): SelectionSetNode | undefined {
          const type = typeInfo.getParentType();
          if (node.selections.length > 0 && !(type && isAbstractType(type))) return undefined;
          return { ...node, selections: [...node.selections, typenameField(TYPENAME_ALIAS)] };
        },
      },
    }),
  );
}

/** Whether the filtered operation still asks any subgraph for data. */
export function needsSubgraphs(document: DocumentNode): boolean {
  const operation = document.definitions[0];
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return false;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const asksData = (set: SelectionSetNode): boolean =>
    set.selections.some((s) =>
      s.kind === Kind.FIELD
        ? s.name.value !== '__typename'
        : s.kind === Kind.INLINE_FRAGMENT
          ? asksData(s.selectionSet)
          : asksData(fragments.get(s.name.value)!.selectionSet),
    );
  return asksData(operation.selectionSet);
}

/**
 * The caller's document for the re-execution over the gateway's answer, with
 * every root introspection field replaced by a `__typename` placeholder under
 * the same key: graphql-js resolves meta fields itself, so their answers (or
 * refusals) are put in place afterwards, at the key's original position.
 */
export function reexecutionDocument(document: DocumentNode, analysis: Analysis): DocumentNode {
  const placeholders = new Set<FieldNode>([
    ...analysis.introspection,
    ...[...analysis.denied].filter(([, d]) => d.coordinate.startsWith('__')).map(([node]) => node),
  ]);
  if (placeholders.size === 0) return document;
  return visit(document, {
    Field(node) {
      return placeholders.has(node) ? typenameField(responseKey(node)) : undefined;
    },
  });
}
