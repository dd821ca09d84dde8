import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface RootField {
  /** The alias, else the field name: what the response is keyed by. */
  responseKey: string;
  node: FieldNode;
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

/**
 * The operation's top-level fields, through inline fragments and fragment
 * spreads. With coerced variables, fields that @skip/@include leave out are
 * left out; without (the variables did not coerce), every field counts.
 */
export function rootFieldsOf(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | null,
): RootField[] {
  const fields: RootField[] = [];
  const visited = new Set<string>();
  const included = (node: FieldNode | FragmentDefinitionNode['selectionSet']['selections'][number]) => {
    if (!variables) return true;
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
      return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
    } catch {
      return true;
    }
  };
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        fields.push({ responseKey: selection.alias?.value ?? selection.name.value, node: selection });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        // A fragment spread twice selects the same fields; a cycle is a validation error, not a hang.
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return fields;
}
