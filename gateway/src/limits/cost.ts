import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  getVariableValues,
  isCompositeType,
  isLeafType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { codedError } from '@shop/kit';

/** Page size assumed when a connection names neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest `first`/`last` the gateway lets through; subgraphs cap lower (style rule 5). */
export const MAX_PAGE_SIZE = 250;

const PAGED_CHILDREN = new Set(['edges', 'nodes']);

/**
 * Input lists whose items cost on their own, by schema coordinate: one point per `itemsPerPoint` items, rounded
 * up. Without it a public batch mutation would cost the same for 1 item as for 100, and the bucket would not
 * bound what it writes.
 */
export const INPUT_ITEM_COSTS: Record<string, { itemsPerPoint: number }> = {
  // A storefront's behaviour events: 100 events cost 10 points, so an anonymous address's bucket
  // (2,000 points, 100 a second) sustains about 830 events a second after a burst.
  'EventsTrackInput.events': { itemsPerPoint: 10 },
};

const hasInputObject = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => isInputObjectType(getNamedType(arg.type)));

/** What the input lists of INPUT_ITEM_COSTS inside one (coerced) input value cost. */
function inputItemsCost(type: GraphQLInputType, value: unknown): number {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    return Array.isArray(value) ? value.reduce((sum: number, item) => sum + inputItemsCost(nullable.ofType, item), 0) : 0;
  }
  if (!isInputObjectType(nullable) || value === null || typeof value !== 'object') return 0;
  let total = 0;
  for (const field of Object.values(nullable.getFields())) {
    const fieldValue = (value as Record<string, unknown>)[field.name];
    const rule = INPUT_ITEM_COSTS[`${nullable.name}.${field.name}`];
    if (rule && Array.isArray(fieldValue)) total += Math.ceil(fieldValue.length / rule.itemsPerPoint);
    total += inputItemsCost(field.type, fieldValue);
  }
  return total;
}

const isConnection = (field: GraphQLField<unknown, unknown>) =>
  getNamedType(field.type).name.endsWith('Connection') && field.args.some((a) => a.name === 'first' || a.name === 'last');

function pageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const sizes = [args.first, args.last].filter((n): n is number => typeof n === 'number');
  const size = sizes.length ? Math.max(...sizes) : DEFAULT_PAGE_SIZE;
  if (size > MAX_PAGE_SIZE) {
    throw codedError('BAD_USER_INPUT', `${field.name} asks for ${size} items; at most ${MAX_PAGE_SIZE} per page.`, {
      http: { status: 400 },
    });
  }
  return Math.max(size, 0);
}

/**
 * The requested cost of an operation, Shopify's model: every field that
 * returns an object (or interface, union) costs 1, scalars and enums 0, and a
 * connection's `edges`/`nodes` count once per requested item (`first`/`last`,
 * 20 when absent; above 250 is refused). Variables are applied; @skip/@include
 * and type conditions are ignored, so the cost is an upper bound. Plain lists
 * are not multiplied: they are bounded by the data (a product's variants).
 * Input lists named in INPUT_ITEM_COSTS add their items' cost (an event batch).
 * Throws BAD_USER_INPUT for a page above the cap.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): number {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  // Bad variables are the executor's to report (BAD_USER_INPUT): nothing will run, so nothing to cost.
  // Costing without them would read required arguments as missing and throw an uncoded error.
  if (coerced.errors) return 0;
  const variables = coerced.coerced;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const fragmentCosts = new Map<string, number>();

  const fieldOf = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    return 'getFields' in parent ? parent.getFields()[name] : undefined;
  };

  const costOf = (set: SelectionSetNode, parent: GraphQLCompositeType, itemsPerPage: number | null): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += costOf(selection.selectionSet, type, itemsPerPage);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total += spreadCost(fragments.get(selection.name.value), itemsPerPage);
        continue;
      }
      const field = fieldOf(parent, selection.name.value);
      const type = field && getNamedType(field.type);
      if (!field || !type || isLeafType(type) || !selection.selectionSet || !isCompositeType(type)) continue;
      const args = isConnection(field) || hasInputObject(field) ? getArgumentValues(field, selection, variables) : {};
      const page = isConnection(field) ? pageSize(field, args) : null;
      const inputs = field.args.reduce((sum, arg) => sum + inputItemsCost(arg.type, args[arg.name]), 0);
      const cost = 1 + inputs + costOf(selection.selectionSet, type, page);
      total += itemsPerPage !== null && PAGED_CHILDREN.has(field.name) ? itemsPerPage * cost : cost;
    }
    return total;
  };

  const spreadCost = (fragment: FragmentDefinitionNode | undefined, itemsPerPage: number | null): number => {
    if (!fragment) return 0;
    const key = `${fragment.name.value}|${itemsPerPage}`;
    let cost = fragmentCosts.get(key);
    if (cost === undefined) {
      const type = schema.getType(fragment.typeCondition.name.value);
      cost = type && isCompositeType(type) ? costOf(fragment.selectionSet, type, itemsPerPage) : 0;
      fragmentCosts.set(key, cost);
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? costOf(operation.selectionSet, root, null) : 0;
}
