/**
 * The policy table: for every `Type.field` of the composed supergraph, the
 * rule the gateway enforces. It is read from the FULL supergraph
 * (schema/supergraph.graphql): the copy @apollo/gateway loads drops `for: SECURITY`
 * from the auth @links (the gateway refuses a supergraph that keeps it), so the
 * gateway itself enforces none of the directives.
 *
 * Our semantic, documented in docs and tests: a field's rule is the conjunction
 * of the directives on the field AND on its parent type (a type-level directive
 * applies to every field of that type). An interface field also takes the rule
 * of that field on every implementation, because a selection on the interface
 * can reach any of them (federation forbids @policy on interfaces; composition
 * copies the other two there). Arguments have no rule of their own: a filter or
 * sort argument that could reveal a protected value (sorting by cost price
 * reveals cost price) must make its field carry that value's rule.
 *
 * The table is plain JSON so `pnpm compose` could write it beside the
 * supergraph; the gateway builds it at start from the file instead.
 */
import { readFileSync } from 'node:fs';
import {
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type NamedTypeNode,
} from 'graphql';
import { SCHEMA_DIR } from '@shop/kit';

/** Each entry is one directive's OR-of-ANDs list; every entry must hold. */
export interface Rule {
  authenticated: boolean;
  scopes: string[][][];
  policies: string[][][];
}

export interface PolicyTable {
  /** `Type.field` → its rule; a coordinate that is absent is unclassified and denied. */
  fields: Record<string, Rule>;
}

/** Directive names as composition writes them (the auth specs are linked without `as:`). */
const AUTH_DIRECTIVES = new Set(['authenticated', 'requiresScopes', 'policy']);

/** Federation's own machinery, never part of the API the gateway serves. */
export const isFederationInternal = (typeName: string): boolean =>
  typeName.startsWith('join__') || typeName.startsWith('link__') || typeName.startsWith('_') || typeName.startsWith('__');

export const EMPTY_RULE: Rule = Object.freeze({ authenticated: false, scopes: [], policies: [] }) as Rule;

export function isClassified(rule: Rule | undefined): rule is Rule {
  return !!rule && (rule.authenticated || rule.scopes.length > 0 || rule.policies.length > 0);
}

function ruleOf(directives: readonly ConstDirectiveNode[] | undefined): Rule {
  const rule: Rule = { authenticated: false, scopes: [], policies: [] };
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (!AUTH_DIRECTIVES.has(name)) continue;
    if (name === 'authenticated') {
      rule.authenticated = true;
      continue;
    }
    const argument = directive.arguments?.find((a) => a.name.value === (name === 'policy' ? 'policies' : 'scopes'));
    if (argument) (name === 'policy' ? rule.policies : rule.scopes).push(valueFromASTUntyped(argument.value) as string[][]);
  }
  return rule;
}

export function conjunction(...rules: Rule[]): Rule {
  return {
    authenticated: rules.some((r) => r.authenticated),
    scopes: rules.flatMap((r) => r.scopes),
    policies: rules.flatMap((r) => r.policies),
  };
}

interface Composite {
  kind: 'object' | 'interface';
  directives: ConstDirectiveNode[];
  fields: Map<string, FieldDefinitionNode>;
  interfaces: string[];
}

/** Object and interface types of an SDL document, extensions merged in. */
function compositesOf(document: DocumentNode): Map<string, Composite> {
  const types = new Map<string, Composite>();
  for (const definition of document.definitions) {
    let kind: Composite['kind'];
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) kind = 'object';
    else if (definition.kind === Kind.INTERFACE_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_EXTENSION) kind = 'interface';
    else continue;
    const name = definition.name.value;
    if (isFederationInternal(name)) continue;
    let type = types.get(name);
    if (!type) types.set(name, (type = { kind, directives: [], fields: new Map(), interfaces: [] }));
    type.directives.push(...(definition.directives ?? []));
    for (const field of definition.fields ?? []) type.fields.set(field.name.value, field);
    type.interfaces.push(...(definition.interfaces ?? []).map((i: NamedTypeNode) => i.name.value));
  }
  return types;
}

/**
 * Every field of every object and interface type with its rule (field ∧ parent
 * type; for interfaces also ∧ every implementation's). Fields without any rule
 * get EMPTY_RULE here, so callers can count them; enforcement denies them.
 */
export function buildPolicyTable(supergraphSdl: string): PolicyTable {
  const types = compositesOf(parse(supergraphSdl, { noLocation: true }));
  const fields: Record<string, Rule> = {};
  const own = (typeName: string, fieldName: string): Rule | undefined => {
    const type = types.get(typeName);
    const field = type?.fields.get(fieldName);
    if (!type || !field) return undefined;
    return conjunction(ruleOf(type.directives), ruleOf(field.directives));
  };
  for (const [typeName, type] of types) {
    if (type.kind !== 'object') continue;
    for (const fieldName of type.fields.keys()) fields[`${typeName}.${fieldName}`] = own(typeName, fieldName)!;
  }
  for (const [typeName, type] of types) {
    if (type.kind !== 'interface') continue;
    const implementations = [...types].filter(([, t]) => t.interfaces.includes(typeName)).map(([name]) => name);
    for (const fieldName of type.fields.keys()) {
      const declared = own(typeName, fieldName)!;
      const reached = implementations.map((name) => own(name, fieldName) ?? EMPTY_RULE);
      // Classified by its own directives, or by every implementation (none: nothing to reach).
      fields[`${typeName}.${fieldName}`] =
        isClassified(declared) || (reached.length > 0 && reached.every(isClassified))
          ? conjunction(declared, ...reached)
          : EMPTY_RULE;
    }
  }
  return { fields };
}

/** The table of the committed supergraph. */
export function loadPolicyTable(): PolicyTable {
  return buildPolicyTable(readFileSync(`${SCHEMA_DIR}supergraph.graphql`, 'utf8'));
}
