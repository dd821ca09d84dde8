import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildASTSchema,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  valueFromASTUntyped,
  visit,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { SCHEMA_DIR } from '@shop/kit';
import { SCHEMA_READ } from '@shop/gateway/policy/analyse';
import { buildPolicyTable, isClassified, isFederationInternal, type Rule } from '@shop/gateway/policy/table';
import { POLICIES, SCOPES } from '../../schema/scopes.js';

const SUPERGRAPH = readFileSync(`${SCHEMA_DIR}supergraph.graphql`, 'utf8');

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
    const leaked = SUPERGRAPH.replace(/^type Query\b([^{]*)\{/m, 'type Query$1{\n  leak: String @join__field(graph: PRODUCTS)\n');
    expect(leaked).not.toBe(SUPERGRAPH);
    const before = unclassifiedFields(SUPERGRAPH).unclassified;
    expect(unclassifiedFields(leaked).unclassified).toEqual([...before, 'Query.leak'].sort());
  });

  it('every scope the SDL names is in the catalog, and every catalog scope is used', () => {
    const used = new Set(directiveValues(SUPERGRAPH, 'requiresScopes', 'scopes'));
    const catalog = Object.keys(SCOPES);
    expect([...used].filter((s) => !catalog.includes(s))).toEqual([]);
    // schema:read guards introspection in the gateway's code, not a field of the SDL.
    expect(catalog.filter((s) => !used.has(s) && s !== SCHEMA_READ)).toEqual([]);
  });

  it('every policy the SDL names is a known policy', () => {
    const used = new Set(directiveValues(SUPERGRAPH, 'policy', 'policies'));
    expect([...used].filter((p) => !(p in POLICIES))).toEqual([]);
  });

  it('nullability is security: a protected non-null field sits only where every path to it already demands its rule', () => {
    const schema = buildASTSchema(parse(SUPERGRAPH), { assumeValidSDL: true });
    const table = buildPolicyTable(SUPERGRAPH);
    const guaranteed = guaranteedRequirements(schema, table.fields);
    const exposed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      // Mutations are rejected whole, never nulled; unreachable types cannot be nulled either.
      if (!isObjectType(type) || type === schema.getMutationType()) continue;
      const held = guaranteed.get(type.name);
      if (!held) continue;
      for (const field of Object.values(type.getFields())) {
        const rule = table.fields[`${type.name}.${field.name}`];
        if (!rule || !isNonNullType(field.type)) continue;
        // A refused non-null field nulls its parent, and so on up: fine only when no caller who
        // reached the parent can be refused here.
        if ([...requirementsOf(rule)].some((r) => !held.has(r))) exposed.push(`${type.name}.${field.name}`);
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

/**
 * For each type, the requirements met by every caller who can hold an object
 * of it: the intersection, over the fields that return it, of that field's
 * requirements and its parent's (a fixed point from the root types down).
 * Types no path reaches are absent.
 */
function guaranteedRequirements(schema: GraphQLSchema, rules: Record<string, Rule>): Map<string, Set<string>> {
  const held = new Map<string, Set<string>>();
  for (const root of [schema.getQueryType(), schema.getMutationType()]) if (root) held.set(root.name, new Set());
  const composites = Object.values(schema.getTypeMap()).filter(
    (t) => (isObjectType(t) || isInterfaceType(t)) && !isFederationInternal(t.name),
  ) as (GraphQLObjectType | GraphQLInterfaceType)[];
  const heldBy = (type: GraphQLObjectType | GraphQLInterfaceType): Set<string> | undefined => {
    if (isObjectType(type)) return held.get(type.name);
    // An interface's fields run on some implementation: what all of them guarantee.
    const sets = schema.getPossibleTypes(type).map((t) => held.get(t.name)).filter((s): s is Set<string> => !!s);
    return sets.length ? intersect(sets) : undefined;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const target of Object.values(schema.getTypeMap())) {
      if (!isObjectType(target) || isFederationInternal(target.name) || [schema.getQueryType(), schema.getMutationType()].includes(target)) continue;
      const paths: Set<string>[] = [];
      for (const parent of composites) {
        const parentHeld = heldBy(parent);
        if (!parentHeld) continue;
        for (const field of Object.values(parent.getFields())) {
          const returned = getNamedType(field.type);
          const reaches =
            returned === target ||
            (isInterfaceType(returned) && target.getInterfaces().includes(returned)) ||
            (isUnionType(returned) && returned.getTypes().includes(target));
          const rule = rules[`${parent.name}.${field.name}`];
          if (reaches && rule) paths.push(new Set([...parentHeld, ...requirementsOf(rule)]));
        }
      }
      if (!paths.length) continue;
      const next = intersect(paths);
      const previous = held.get(target.name);
      if (!previous || previous.size !== next.size || [...next].some((r) => !previous.has(r))) {
        held.set(target.name, next);
        changed = true;
      }
    }
  }
  return held;
}

const intersect = (sets: Set<string>[]): Set<string> => new Set([...sets[0]!].filter((r) => sets.every((s) => s.has(r))));
