import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildASTSchema,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  print,
  valueFromASTUntyped,
  visit,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { SCHEMA_DIR } from '@shop/kit';
import { SCHEMA_READ } from '@shop/gateway/policy/analyse';
import { buildPolicyTable, isClassified, isFederationInternal, type Rule } from '@shop/gateway/policy/table';
import { POLICIES, SCOPES, SELF_SCOPES } from '../../schema/scopes.js';

const SUPERGRAPH = readFileSync(`${SCHEMA_DIR}supergraph.graphql`, 'utf8');

/** Catalog scopes that no field names, each with the reason. */
const NOT_ON_FIELDS: Record<string, string> = {
  [SCHEMA_READ]: 'guards introspection, in the gateway (policy/analyse.ts)',
};

/** Every field of every object and interface type, federation internals and introspection aside. */
function unclassifiedFields(supergraphSdl: string): { total: number; unclassified: string[] } {
  const table = buildPolicyTable(supergraphSdl);
  const coordinates = Object.keys(table.fields).filter((c) => !isFederationInternal(c.split('.')[1]!));
  return { total: coordinates.length, unclassified: coordinates.filter((c) => !isClassified(table.fields[c])).sort() };
}

/** Values of one argument of one directive wherever it is used in the SDL. */
function directiveValues(sdl: string, directive: string, argument: string): string[] {
  const values: string[] = [];
  visit(parse(sdl), {
    Directive(node) {
      if (node.name.value !== directive) return;
      const arg = node.arguments?.find((a) => a.name.value === argument);
      if (arg) values.push(...(valueFromASTUntyped(arg.value) as string[][]).flat());
    },
  });
  return values;
}

describe('deny by default', () => {
  it('every field of the supergraph has a classification (own or parent type’s)', () => {
    const { total, unclassified } = unclassifiedFields(SUPERGRAPH);
    console.log(`policy table: ${total} fields, ${unclassified.length} unclassified${unclassified.length ? `: ${unclassified.join(', ')}` : ''}`);
    expect(unclassified).toEqual([]);
  });

  it('a field added without a rule is counted, so CI fails on it', () => {
    const [leak] = (parse(`type Query { leak: String }`).definitions[0] as ObjectTypeDefinitionNode).fields!;
    const leaked = print(
      visit(parse(SUPERGRAPH), {
        ObjectTypeDefinition: (node) => (node.name.value === 'Query' ? { ...node, fields: [...(node.fields ?? []), leak!] } : undefined),
      }),
    );
    const before = unclassifiedFields(SUPERGRAPH).unclassified;
    expect(unclassifiedFields(leaked).unclassified).toEqual([...before, 'Query.leak'].sort());
  });

  it('every scope the SDL names is in the catalog, and every catalog scope is used', () => {
    const used = new Set(directiveValues(SUPERGRAPH, 'requiresScopes', 'scopes'));
    const catalog = Object.keys(SCOPES);
    expect([...used].filter((s) => !catalog.includes(s) && !(s in SELF_SCOPES))).toEqual([]);
    expect(Object.keys(SELF_SCOPES).filter((s) => !used.has(s))).toEqual([]);
    // A ratchet: when a field starts using one of these, drop it from NOT_ON_FIELDS.
    expect(catalog.filter((s) => !used.has(s)).sort()).toEqual(Object.keys(NOT_ON_FIELDS).sort());
  });

  it('every policy the SDL names is a known policy', () => {
    const used = new Set(directiveValues(SUPERGRAPH, 'policy', 'policies'));
    expect([...used].filter((p) => !(p in POLICIES))).toEqual([]);
  });

  it('nullability is security: a refused non-null field never nulls more than its own object', () => {
    const schema = buildASTSchema(parse(SUPERGRAPH), { assumeValidSDL: true });
    const rules = buildPolicyTable(SUPERGRAPH).fields;
    const graph = new Reach(schema, rules);
    const exposed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      // Mutations are rejected whole, never nulled.
      if (!isObjectType(type) || isFederationInternal(type.name) || type === schema.getMutationType()) continue;
      for (const field of Object.values(type.getFields())) {
        const rule = rules[`${type.name}.${field.name}`];
        if (!rule || !isNonNullType(field.type)) continue;
        const needed = requirementsOf(rule);
        // A root field has nothing to stop the null: it wipes the whole answer.
        const entries = type === schema.getQueryType() ? [{ held: new Set<string>(), stopsHere: false }] : graph.entriesOf(type);
        // Refusing it nulls the object it belongs to; that null must stop there (the field that
        // holds the object is nullable), unless every path here already demands the same rule.
        if (entries.some((e) => !e.stopsHere && [...needed].some((r) => !e.held.has(r)))) exposed.push(`${type.name}.${field.name}`);
      }
    }
    expect(exposed).toEqual([]);
  });
});

/**
 * A rule as requirements a caller must meet, as comparable strings: each
 * directive's alternatives are one requirement; `public` asks nothing; any
 * scope or non-public policy means the caller is signed in.
 */
function requirementsOf(rule: Rule): Set<string> {
  const requirements = new Set<string>();
  for (const alternatives of rule.scopes) requirements.add(`scopes ${JSON.stringify(alternatives)}`);
  for (const alternatives of rule.policies) {
    if (!alternatives.some((all) => all.length === 1 && all[0] === 'public')) requirements.add(`policies ${JSON.stringify(alternatives)}`);
  }
  if (rule.authenticated || requirements.size > 0) requirements.add('authenticated');
  return requirements;
}

const intersect = (sets: Set<string>[]): Set<string> => new Set([...sets[0]!].filter((r) => sets.every((s) => s.has(r))));

/** Whether a null at the item position of this type stays there (lists unwrapped). */
const itemNullable = (type: GraphQLOutputType): boolean =>
  isNonNullType(type) ? false : isListType(type) ? itemNullable(type.ofType) : true;

/**
 * Who can hold an object of each type: for every type, the requirements met
 * by every caller who reached it (the intersection, over the fields that
 * return it, of that field's requirements and its parent's), as a fixed point
 * from the root types down. Types no path reaches have none.
 */
class Reach {
  private readonly held = new Map<string, Set<string>>();
  private readonly composites: (GraphQLObjectType | GraphQLInterfaceType)[];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: Record<string, Rule>,
  ) {
    this.composites = Object.values(schema.getTypeMap()).filter(
      (t): t is GraphQLObjectType | GraphQLInterfaceType => (isObjectType(t) || isInterfaceType(t)) && !isFederationInternal(t.name),
    );
    const roots = [schema.getQueryType(), schema.getMutationType()];
    for (const root of roots) if (root) this.held.set(root.name, new Set());
    for (let changed = true; changed; ) {
      changed = false;
      for (const type of this.composites) {
        if (!isObjectType(type) || roots.includes(type)) continue;
        const entries = this.entriesOf(type);
        if (!entries.length) continue;
        const next = intersect(entries.map((e) => e.held));
        const previous = this.held.get(type.name);
        if (!previous || previous.size !== next.size || [...next].some((r) => !previous.has(r))) {
          this.held.set(type.name, next);
          changed = true;
        }
      }
    }
  }

  /** An interface's fields run on some implementation: what all of them guarantee. */
  private heldBy(type: GraphQLObjectType | GraphQLInterfaceType): Set<string> | undefined {
    if (isObjectType(type)) return this.held.get(type.name);
    const sets = this.schema.getPossibleTypes(type).flatMap((t) => this.held.get(t.name) ?? []);
    return sets.length ? intersect(sets) : undefined;
  }

  /** The fields (of reached parents) whose value can be a `target`, with what their callers hold. */
  entriesOf(target: GraphQLObjectType): { held: Set<string>; stopsHere: boolean }[] {
    const entries: { held: Set<string>; stopsHere: boolean }[] = [];
    for (const parent of this.composites) {
      const parentHeld = this.heldBy(parent);
      if (!parentHeld) continue;
      for (const field of Object.values(parent.getFields())) {
        const returned = getNamedType(field.type);
        const reaches =
          returned === target ||
          (isInterfaceType(returned) && target.getInterfaces().includes(returned)) ||
          (isUnionType(returned) && returned.getTypes().includes(target));
        const rule = this.rules[`${parent.name}.${field.name}`];
        if (reaches && rule) {
          entries.push({ held: new Set([...parentHeld, ...requirementsOf(rule)]), stopsHere: itemNullable(field.type) });
        }
      }
    }
    return entries;
  }
}
