import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  print,
  visit,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { SCHEMA_DIR, type Principal } from '@shop/kit';
import { callerOf, decide, type Caller } from '@shop/gateway/policy/decide';
import { buildPolicyTable, isFederationInternal, type Rule } from '@shop/gateway/policy/table';
import { DATA_CLASSES, type DataClassName } from '../../schema/data-classes.js';
import { ALL_SCOPES } from '../../schema/scopes.js';

/**
 * A walk over the composed supergraph: every field that carries a class of
 * protected data (recognised by its name or type, or listed in
 * schema/data-classes.ts) has that class's rule, on its own or on every path
 * that reaches it; every filter, search and sort input that could reveal a
 * class is declared with where its rule is enforced; and the self scopes reach
 * a caller's own data only through entry points whose row rules confine them.
 */
const SUPERGRAPH = readFileSync(`${SCHEMA_DIR}supergraph.graphql`, 'utf8');
const CLASS_NAMES = Object.keys(DATA_CLASSES) as DataClassName[];

/** Address parts that identify no one: routing, tax and regional reports need them. */
const NOT_CONTACT_ADDRESS_PARTS = new Set(['city', 'region', 'postalCode', 'country']);
/** What colleagues see of each other: who a staff member is, not their account. */
const STAFF_DIRECTORY = new Set(['id', 'displayName', 'locale', 'createdAt']);
const FRAUD_TYPES = new Set(['OrderFlag', 'OrderFlagRule']);

/** Fields the patterns below match that carry no class, each with the reason. */
const NOT_A_CLASS: Record<string, string> = {
  'Supplier.contactName': "a supplier company's business contact, which stock:read callers order from",
  'Supplier.email': "a supplier company's order address, which stock:read callers order from",
  'Supplier.phone': "a supplier company's phone number, which stock:read callers order from",
  'Cart.cost': 'what the customer pays, not what stock costs the shop',
  'Query.me': "the caller's own account: Staff's account fields carry their own rule",
  'StaffLoginPayload.staff': "the account just signed in to: Staff's account fields carry their own rule",
  'StaffEdge.node': 'reached only through Query.staff (access:admin or audit:read)',
  'StaffCreatePayload.staff': 'access:admin mutations',
  'StaffUpdatePayload.staff': 'access:admin mutations',
  'StaffDisablePayload.staff': 'access:admin mutations',
  'Member.notes': "a member's internal notes: their own class (memberNotes: members:read and a staff session), checked through its fields list",
  'CustomerAddress.id': "an address book entry's opaque id",
  'CustomerAddress.isDefault': 'which entry of the book is the default, no contact data',
  'ReturnRequest.customerNote': "the customer's own words, not staff's: carried as contact data (pii), checked through its fields list",
  'QualityAlert.note':
    "the catalog team's handling note on a product's defect rate (catalog:read, staff session): about a product or lot, written for that team, never about a person",
};

/** The class a field carries by its name or type alone, or null. */
function classByPattern(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): DataClassName[] {
  const name = field.name;
  const returned = getNamedType(field.type).name;
  const found: DataClassName[] = [];
  const addressType = /Address$/.test(type.name);
  if (
    ['email', 'phone', 'mobile', 'firstName', 'lastName', 'fullName', 'contactName', 'line1', 'line2', 'street'].includes(name) ||
    (name === 'name' && /Address|Contact|Recipient|Customer|Profile/.test(type.name)) ||
    (addressType && !NOT_CONTACT_ADDRESS_PARTS.has(name))
  ) {
    found.push(type.name === 'Staff' ? 'staffAccounts' : 'pii');
  }
  if (['points', 'tier', 'loyaltyPoints'].includes(name)) found.push('memberProfile');
  if (/^notes?$|Note$|^internal/.test(name)) found.push('internalNotes');
  if (type.name === 'Staff' && !STAFF_DIRECTORY.has(name) && !found.includes('staffAccounts')) found.push('staffAccounts');
  if (name === 'lastLoginAt' && type.name !== 'Staff') found.push('staffAccounts');
  if (/^(actorId|staffId|createdBy|updatedBy|raisedBy|clearedBy|performedBy)$/.test(name) || returned === 'Staff') {
    found.push('staffIdentities');
  }
  if (FRAUD_TYPES.has(returned) || /flag/i.test(name)) found.push('fraudSignals');
  if (/cost|margin/i.test(name)) found.push('cost');
  return found;
}

// ---------------------------------------------------------------------------
// Requirements: a rule as comparable strings, and what every path to a type holds.

function requirementsOf(rule: Rule | undefined): Set<string> {
  const requirements = new Set<string>();
  if (!rule) return requirements;
  for (const alternatives of rule.scopes) requirements.add(`scopes ${JSON.stringify(alternatives)}`);
  for (const alternatives of rule.policies) {
    if (!alternatives.some((all) => all.length === 1 && all[0] === 'public')) requirements.add(`policies ${JSON.stringify(alternatives)}`);
  }
  return requirements;
}

function classRequirements(name: DataClassName): Set<string> {
  const rule = DATA_CLASSES[name].rule as { scopes: string[][]; policies?: string[][] };
  return requirementsOf({ authenticated: false, scopes: rule.scopes.length ? [rule.scopes] : [], policies: rule.policies ? [rule.policies] : [] });
}

const intersect = (sets: Set<string>[]): Set<string> => new Set([...sets[0]!].filter((r) => sets.every((s) => s.has(r))));

/** For each object type, the requirements every path from a root to it has met (a fixed point). */
function heldByType(schema: GraphQLSchema, rules: Record<string, Rule>): Map<string, Set<string>> {
  const objects = Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType => isObjectType(t) && !isFederationInternal(t.name),
  );
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => !!t);
  const held = new Map<string, Set<string>>(roots.map((r) => [r.name, new Set<string>()]));
  const reaches = (returned: GraphQLNamedType, target: GraphQLObjectType) =>
    returned === target ||
    (isInterfaceType(returned) && target.getInterfaces().includes(returned)) ||
    (isUnionType(returned) && returned.getTypes().includes(target));
  for (let changed = true; changed; ) {
    changed = false;
    for (const target of objects) {
      if (roots.includes(target)) continue;
      const entries: Set<string>[] = [];
      for (const parent of objects) {
        const parentHeld = held.get(parent.name);
        if (!parentHeld) continue;
        for (const field of Object.values(parent.getFields())) {
          if (!reaches(getNamedType(field.type), target)) continue;
          entries.push(new Set([...parentHeld, ...requirementsOf(rules[`${parent.name}.${field.name}`])]));
        }
      }
      if (!entries.length) continue;
      const next = intersect(entries);
      const previous = held.get(target.name);
      if (!previous || previous.size !== next.size || [...next].some((r) => !previous.has(r))) {
        held.set(target.name, next);
        changed = true;
      }
    }
  }
  return held;
}

/** Fields that carry a class (pattern or list) but lack its rule, as `Type.field: class`. */
function violations(supergraphSdl: string): { checked: number; missing: string[] } {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const rules = buildPolicyTable(supergraphSdl).fields;
  const held = heldByType(schema, rules);
  const carried = new Map<string, Set<DataClassName>>();
  for (const name of CLASS_NAMES) {
    for (const coordinate of DATA_CLASSES[name].fields) carried.set(coordinate, new Set([...(carried.get(coordinate) ?? []), name]));
  }
  for (const type of Object.values(schema.getTypeMap())) {
    // A mutation's name says what it does, not what it answers: its payload's fields carry the data.
    if (!isObjectType(type) || isFederationInternal(type.name) || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const classes = classByPattern(type, field);
      if (!classes.length || coordinate in NOT_A_CLASS) continue;
      carried.set(coordinate, new Set([...(carried.get(coordinate) ?? []), ...classes]));
    }
  }
  const missing: string[] = [];
  for (const [coordinate, classes] of carried) {
    const typeName = coordinate.split('.')[0]!;
    if (!(coordinate in rules)) {
      missing.push(`${coordinate}: not in the supergraph`);
      continue;
    }
    const protectedBy = new Set([...(held.get(typeName) ?? []), ...requirementsOf(rules[coordinate])]);
    for (const name of classes) {
      if ([...classRequirements(name)].some((r) => !protectedBy.has(r))) missing.push(`${coordinate}: ${name}`);
    }
  }
  return { checked: carried.size, missing: missing.sort() };
}

// ---------------------------------------------------------------------------
// Oracles: inputs of query fields that filter, search or sort.

const ORACLE_NAME = /email|phone|contact|name|cost|margin|flag|note|actor|search|query|tier|points|staff/i;

/** Inputs that match the pattern yet reveal no class, each with the reason. */
const NOT_AN_ORACLE: Record<string, string> = {
  'ProductFilter.query': 'catalog text (titles, handles, SKUs, barcodes), public',
  'Query.collections(query)': 'collection titles and handles, public',
  'StockLevelFilter.query': 'a SKU, behind stock:read',
  'AcquisitionChannel.PHONE': 'phone sales as the channel a member came through, not a phone number',
  'ConsentChannel.EMAIL': 'email as a channel of consent, not an email address',
  'SegmentFilter.query': "segment names (the shop's own labels), behind members:read",
  'SegmentSortKey.NAME': "sorts segments by their own names, not people's",
  'PromotionFilter.search': "promotion titles (the shop's own labels), behind marketing:read",
  'PromotionKind.TIERED_SPEND': 'a kind of promotion (spend thresholds), not a member tier',
  'PromotionKind.TIER_PRICE': "a kind of promotion (a price for given tiers), not a member's tier",
  'CouponFilter.search': "coupon titles and shared codes (the shop's own labels), behind marketing:read",
  'ReportMetric.COUPON_COST': 'what coupons took off sales (marketing spend), not the cost class; FORBIDDEN without marketing:read',
  'ReportMetric.PROMOTION_COST': 'what promotions took off sales (marketing spend), not the cost class; FORBIDDEN without marketing:read',
};

function oracleCandidates(schema: GraphQLSchema): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const walk = (type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (seen.has(named.name)) return;
    seen.add(named.name);
    if (isInputObjectType(named)) {
      for (const field of Object.values(named.getFields())) {
        if (ORACLE_NAME.test(field.name)) found.add(`${named.name}.${field.name}`);
        walk(field.type);
      }
    } else if (isEnumType(named)) {
      for (const value of named.getValues()) if (ORACLE_NAME.test(value.name)) found.add(`${named.name}.${value.name}`);
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isFederationInternal(type.name) || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        if (ORACLE_NAME.test(arg.name) && !isInputObjectType(getNamedType(arg.type))) found.add(`${type.name}.${field.name}(${arg.name})`);
        walk(arg.type);
      }
    }
  }
  return [...found].sort();
}

// ---------------------------------------------------------------------------
// Self scopes: which fields a caller passes only by its self scope, and from which roots.

/** Entry points whose row rules confine customer:self to the customer's own rows, each with that rule. */
const OWN_DATA_ROOTS: Record<string, string> = {
  'Query.myOrders': "the member comes from the session (orders resolvers)",
  'Query.order': "ordersByIds: a customer's own orders only, also on _entities",
  'Query.myOrder': "ordersByIds, as Query.order: a customer's own orders only",
  'Query.returnRequest': "returnRequestsByIds: a customer's own requests only, also on _entities (orders after-sales/service.ts)",
  'Query.myReturnRequests': 'the member comes from the session (orders after-sales/resolvers.ts)',
  'Mutation.myReturnRequestCreate': "a request on the session's member's own order, else ORDER_NOT_FOUND (orders after-sales/service.ts)",
  'Query.myProfile': 'the session\'s member (members resolvers)',
  'Query.myPoints': "the session's member (members loyalty resolvers)",
  'Query.myRecommendations': "the session's member (members recommendations/resolvers.ts)",
  'Query.cart': "a customer's cart answers only them; a guest cart's contact data is not read back (orders visibility.ts)",
  'Mutation.cartCreate': 'the cart the caller holds, as Query.cart',
  'Mutation.cartLinesAdd': 'the cart the caller holds, as Query.cart',
  'Mutation.cartLinesUpdate': 'the cart the caller holds, as Query.cart',
  'Mutation.cartLinesRemove': 'the cart the caller holds, as Query.cart',
  'Mutation.cartSetAddress': 'the cart the caller holds, as Query.cart',
  'Mutation.cartSetShippingMethod': 'the cart the caller holds, as Query.cart',
  'Mutation.cartApplyCoupon': 'the cart the caller holds, as Query.cart (orders cart-coupons/service.ts, openCart)',
  'Mutation.cartRemoveCoupon': 'the cart the caller holds, as Query.cart (orders cart-coupons/service.ts, openCart)',
  'Mutation.checkoutComplete': 'the order just placed from the caller\'s own cart',
  'Mutation.paymentSandboxAuthorize': "the customer's own order (payments service)",
  'Mutation.customerSignUp': 'the account the caller just created',
  'Mutation.customerLogin': 'the account whose password the caller just gave',
  'Query.myAddresses': "the session's member's address book (members addresses/resolvers.ts)",
  'Mutation.myProfileUpdate': "the session's member (members accounts/resolvers.ts)",
  'Mutation.myAddressAdd': "the session's member's address book (members addresses/resolvers.ts)",
  'Mutation.myAddressUpdate': "an address of the session's member's book, else ADDRESS_NOT_FOUND",
  'Mutation.myAddressDelete': "an address of the session's member's book, else ADDRESS_NOT_FOUND",
  'Mutation.myAddressSetDefault': "an address of the session's member's book, else ADDRESS_NOT_FOUND",
  'Query.myWishlist': "the session's member's wishlist (members wishlist/resolvers.ts)",
  'Mutation.myWishlistAdd': "an item of the session's member's wishlist (members wishlist/resolvers.ts)",
};

const principal = (kind: 'customer' | 'staff', scopes: string[]): Principal =>
  kind === 'customer'
    ? { kind: 'customer', memberId: '00000000-0000-4000-8000-000000000001', sessionId: '00000000-0000-4000-8000-000000000002' }
    : { kind: 'staff', staffId: '00000000-0000-4000-8000-000000000003', sessionId: '00000000-0000-4000-8000-000000000004', roles: [], scopes, stepUpUntil: null };

/** Every field `caller` passes only thanks to `selfScope`, with the root fields it is reached from. */
function selfOnlyFields(schema: GraphQLSchema, rules: Record<string, Rule>, caller: Caller, selfScope: string): Map<string, Set<string>> {
  const without: Caller = { ...caller, scopes: new Set([...caller.scopes].filter((s) => s !== selfScope)) };
  const found = new Map<string, Set<string>>();
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const rootField of Object.values(root.getFields())) {
      const rootCoordinate = `${root.name}.${rootField.name}`;
      const seen = new Set<string>();
      const pending: [GraphQLObjectType, GraphQLField<unknown, unknown>][] = [[root, rootField]];
      while (pending.length) {
        const [parent, field] = pending.pop()!;
        const coordinate = `${parent.name}.${field.name}`;
        if (seen.has(coordinate)) continue;
        seen.add(coordinate);
        if (decide(rules[coordinate], caller) !== null) continue;
        if (decide(rules[coordinate], without) !== null) found.set(coordinate, new Set([...(found.get(coordinate) ?? []), rootCoordinate]));
        const returned = getNamedType(field.type);
        const objects = isObjectType(returned) ? [returned] : isInterfaceType(returned) || isUnionType(returned) ? schema.getPossibleTypes(returned) : [];
        for (const object of objects) for (const next of Object.values(object.getFields())) pending.push([object, next]);
      }
    }
  }
  return found;
}

describe('data classes', () => {
  const schema = buildASTSchema(parse(SUPERGRAPH), { assumeValidSDL: true });
  const rules = buildPolicyTable(SUPERGRAPH).fields;

  it('every field carrying a class, by name, type or list, has the class rule on itself or on every path to it', () => {
    const { checked, missing } = violations(SUPERGRAPH);
    console.log(`data classes: ${checked} fields carry a class, ${missing.length} without its rule${missing.length ? `: ${missing.join(', ')}` : ''}`);
    expect(missing).toEqual([]);
  });

  it('a new field named email without the contact-data rule fails the walk', () => {
    const [leak] = (parse(`type OrderLine { email: String }`).definitions[0] as ObjectTypeDefinitionNode).fields!;
    const leaked = print(
      visit(parse(SUPERGRAPH), {
        ObjectTypeDefinition: (node) => (node.name.value === 'OrderLine' ? { ...node, fields: [...(node.fields ?? []), leak!] } : undefined),
      }),
    );
    expect(violations(leaked).missing).toEqual(['OrderLine.email: pii']);
  });

  it('every exemption still names a field the patterns match', () => {
    const stale = Object.keys(NOT_A_CLASS).filter((coordinate) => {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      return !field || !classByPattern(type as GraphQLObjectType, field).length;
    });
    expect(stale).toEqual([]);
  });

  it('every filter, search and sort input that could reveal a class is declared with where its rule is enforced', () => {
    const declared = new Set(CLASS_NAMES.flatMap((name) => Object.keys(DATA_CLASSES[name].oracles)));
    const candidates = oracleCandidates(schema);
    const undeclared = candidates.filter((c) => !declared.has(c) && !(c in NOT_AN_ORACLE));
    const unknown = [...declared, ...Object.keys(NOT_AN_ORACLE)].filter((c) => !candidates.includes(c));
    console.log(`oracles: ${candidates.length} query inputs match, ${declared.size} declared with a class`);
    expect({ undeclared, unknown }).toEqual({ undeclared: [], unknown: [] });
  });

  it('customer:self reaches data only through entry points whose row rules confine it to the customer', () => {
    const fields = selfOnlyFields(schema, rules, callerOf(principal('customer', [])), 'customer:self');
    const roots = new Set([...fields.values()].flatMap((r) => [...r]));
    expect([...roots].filter((r) => !(r in OWN_DATA_ROOTS)).sort()).toEqual([]);
    expect(fields.size).toBeGreaterThan(0);
  });

  it('staff:self opens only staff account fields, whose resolvers keep it to the caller\'s own account', () => {
    const scopes = ALL_SCOPES.filter((s) => s !== 'access:admin' && s !== 'audit:read');
    const fields = selfOnlyFields(schema, rules, callerOf(principal('staff', scopes)), 'staff:self');
    expect([...fields.keys()].sort()).toEqual([...DATA_CLASSES.staffAccounts.fields].sort());
  });
});
