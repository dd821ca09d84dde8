import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Principal, SubgraphContext } from './context.js';

/**
 * Row and caller rules at a subgraph's entry points (graphql-shield, which is
 * unmaintained and misses _entities on its own). The gateway already enforced field policy; these rules make the
 * subgraph safe on its own. Only root fields carry rules (shield costs about
 * 4x per field), every root field without a rule is denied, and entity
 * resolution (_entities) is allowed here because each __resolveReference
 * applies its row rule in its loader.
 */
const isKind = (...kinds: Principal['kind'][]) =>
  rule({ cache: 'no_cache' })((_parent, _args, ctx: SubgraphContext<unknown>) => kinds.includes(ctx.principal.kind));

export const rules = {
  /** Anyone, signed in or not (storefront browsing, sign-in). */
  public: allow,
  /** Staff and partners: the gateway has checked their scopes. */
  operator: isKind('staff', 'partner'),
  staff: isKind('staff'),
  customer: isKind('customer'),
  signedIn: isKind('staff', 'partner', 'customer'),
};

type ShieldRule = typeof allow | ReturnType<ReturnType<typeof rule>>;

export interface EntryPointRules {
  Query?: Record<string, ShieldRule>;
  Mutation?: Record<string, ShieldRule>;
}

const forbidden = new GraphQLError('Not allowed for this caller', { extensions: { code: 'FORBIDDEN' } });

export function guardEntryPoints(schema: GraphQLSchema, entryPoints: EntryPointRules): GraphQLSchema {
  const queryFields = schema.getQueryType()!.getFields();
  // A subgraph without entities has no _entities field, and shield refuses rules for absent fields.
  const federation = Object.fromEntries(['_entities', '_service'].filter((f) => f in queryFields).map((f) => [f, allow]));
  const permissions = shield(
    {
      Query: { '*': deny, ...federation, ...entryPoints.Query },
      ...(schema.getMutationType() ? { Mutation: { '*': deny, ...entryPoints.Mutation } } : {}),
    },
    // Leaves are not guarded here (fields are classified at the gateway); a
    // GraphQLError fallback keeps the code FORBIDDEN instead of INTERNAL_SERVER_ERROR.
    { fallbackRule: allow, fallbackError: forbidden, allowExternalErrors: true },
  );
  return applyMiddleware(schema, permissions);
}
